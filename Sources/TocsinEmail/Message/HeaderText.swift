/// Turns free text (a subject, a display name) into header tokens that cannot break out of their field.
enum HeaderText {
    /// The longest token written as plain text; longer runs without spaces are sent as encoded words
    /// so that every header line can be folded within 78 characters.
    static let maximumPlainTokenLength = 77

    /// `text` with every run of control characters (CR, LF, tab, …) replaced by one space.
    static func neutralized(_ text: String) -> String {
        var result = ""
        var inControlRun = false
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                if !inControlRun { result.append(" ") }
                inControlRun = true
            } else {
                result.unicodeScalars.append(scalar)
                inControlRun = false
            }
        }
        return result
    }

    /// Tokens for an unstructured field such as `Subject`: the words of plain ASCII text, or encoded words
    /// when the text has non-ASCII characters, something that looks like an encoded word, or an over-long word.
    /// Joined with single spaces (folding only ever at those spaces) the tokens decode back to the neutralized text.
    static func unstructuredTokens(_ text: String) -> [String] {
        let clean = neutralized(text)
        let words = clean.split(separator: " ", omittingEmptySubsequences: false)
        let needsEncoding =
            !clean.allSatisfy(\.isASCII) || clean.contains("=?")
            || words.contains { $0.utf8.count > maximumPlainTokenLength }
        return needsEncoding ? EncodedWord.encode(clean) : words.map(String.init)
    }

    /// Tokens for a display name in an address header: one quoted string for short printable ASCII names,
    /// otherwise encoded words.
    static func phraseTokens(_ name: String) -> [String] {
        let clean = neutralized(name)
        let escaped = clean.reduce(into: "") { result, character in
            if character == "\\" || character == "\"" { result.append("\\") }
            result.append(character)
        }
        let quoted = "\"\(escaped)\""
        guard clean.allSatisfy(\.isASCII), quoted.utf8.count <= maximumPlainTokenLength else {
            return EncodedWord.encode(clean)
        }
        return [quoted]
    }
}
