/// Writes a header field as CRLF-terminated lines, folding between tokens to keep lines within 78 characters.
enum HeaderFolding {
    /// RFC 5322's recommended line length; lines only exceed it when a single token is longer.
    static let preferredLineLength = 78

    /// `Name: token token…` with a fold (CRLF and a space) before any non-empty token that would overflow the line.
    /// Unfolding (removing the CRLFs) gives back the tokens joined by single spaces.
    static func field(_ name: String, tokens: [String]) -> String {
        var result = "\(name):"
        var lineLength = result.utf8.count
        for (index, token) in tokens.enumerated() {
            let width = 1 + token.utf8.count
            if index > 0, !token.isEmpty, lineLength + width > preferredLineLength {
                result += "\r\n"
                lineLength = 0
            }
            result += " \(token)"
            lineLength += width
        }
        return result + "\r\n"
    }

    /// The tokens of an address list: each mailbox's display-name tokens then its address, separated by commas.
    static func addressTokens(_ addresses: [EmailAddress]) -> [String] {
        addresses.enumerated().flatMap { index, mailbox in
            let separator = index < addresses.count - 1 ? "," : ""
            guard let name = mailbox.displayName else { return [mailbox.address + separator] }
            return HeaderText.phraseTokens(name) + ["<\(mailbox.address)>\(separator)"]
        }
    }
}
