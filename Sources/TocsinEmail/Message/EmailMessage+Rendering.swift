import Foundation

extension EmailMessage {
    /// Renders the message with the current time and a system-random `Message-ID` and MIME boundary.
    public func rendered() -> RenderedEmail {
        var generator = SystemRandomNumberGenerator()
        return rendered(date: Date(), using: &generator)
    }

    /// Renders the message to RFC 5322 text.
    ///
    /// Header fields: `Date` (UTC), `From`, `To` and `Cc` (each when not empty), `Subject`, `Message-ID`,
    /// `MIME-Version`, the extra fields, then the content fields; `Bcc` recipients are never written.
    /// The text body (and the HTML alternative, as `multipart/alternative`) is UTF-8 in quoted-printable.
    /// - Parameters:
    ///   - date: The value of the `Date` field.
    ///   - generator: The source of the `Message-ID` and boundary tokens; a seeded generator makes them deterministic.
    public func rendered(date: Date, using generator: inout some RandomNumberGenerator) -> RenderedEmail {
        let messageID = "<\(Self.token(words: 2, using: &generator))@\(from.domain)>"
        var header = HeaderFolding.field("Date", tokens: [RFC5322Date.string(from: date)])
        header += HeaderFolding.field("From", tokens: HeaderFolding.addressTokens([from]))
        if !to.isEmpty { header += HeaderFolding.field("To", tokens: HeaderFolding.addressTokens(to)) }
        if !cc.isEmpty { header += HeaderFolding.field("Cc", tokens: HeaderFolding.addressTokens(cc)) }
        header += HeaderFolding.field("Subject", tokens: HeaderText.unstructuredTokens(subject))
        header += HeaderFolding.field("Message-ID", tokens: [messageID])
        header += HeaderFolding.field("MIME-Version", tokens: ["1.0"])
        for field in extraHeaders {
            let words = field.value.split(separator: " ", omittingEmptySubsequences: false)
            header += HeaderFolding.field(field.name, tokens: words.map(String.init))
        }
        guard let htmlBody else {
            return RenderedEmail(messageID: messageID, text: header + Self.textPart(textBody, subtype: "plain"))
        }
        // "=_" never occurs in quoted-printable output, so the boundary cannot collide with the content.
        let boundary = "=_tocsin_\(Self.token(words: 2, using: &generator))"
        let body = "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n\r\n"
            + "--\(boundary)\r\n" + Self.textPart(textBody, subtype: "plain") + "\r\n"
            + "--\(boundary)\r\n" + Self.textPart(htmlBody, subtype: "html") + "\r\n"
            + "--\(boundary)--\r\n"
        return RenderedEmail(messageID: messageID, text: header + body)
    }

    /// A text entity's content fields, an empty line and the encoded text, which always ends with CRLF.
    private static func textPart(_ text: String, subtype: String) -> String {
        let terminated = text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n"
        return "Content-Type: text/\(subtype); charset=utf-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            + QuotedPrintable.encode(terminated)
    }

    /// `words` random 64-bit words as lowercase hexadecimal.
    private static func token(words: Int, using generator: inout some RandomNumberGenerator) -> String {
        (0..<words).map { _ in
            let hex = String(generator.next(), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
