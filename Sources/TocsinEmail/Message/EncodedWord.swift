import Foundation

/// RFC 2047 encoded words (`=?UTF-8?B?…?=`) for non-ASCII text in header fields.
enum EncodedWord {
    /// UTF-8 bytes per word: their base64 (60 characters) plus the 12-character frame keeps a word within 75 characters.
    static let maximumBytesPerWord = 45

    /// Encodes `text` as a sequence of base64 encoded words, each at most 75 characters long and
    /// each holding whole characters, so that the words can be separated by folding whitespace.
    static func encode(_ text: String) -> [String] {
        chunks(of: text).map { "=?UTF-8?B?\(Data($0).base64EncodedString())?=" }
    }

    /// Splits the UTF-8 form of `text` at character boundaries into runs of at most ``maximumBytesPerWord`` bytes.
    /// A character too large for one word is split between its Unicode scalars, which RFC 2047 still allows.
    private static func chunks(of text: String) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var current: [UInt8] = []
        func append(_ piece: some Collection<UInt8>) {
            if current.count + piece.count > maximumBytesPerWord, !current.isEmpty {
                chunks.append(current)
                current = []
            }
            current.append(contentsOf: piece)
        }
        for character in text {
            if character.utf8.count <= maximumBytesPerWord {
                append(character.utf8)
            } else {
                character.unicodeScalars.forEach { append(String($0).utf8) }
            }
        }
        if !current.isEmpty || chunks.isEmpty { chunks.append(current) }
        return chunks
    }
}
