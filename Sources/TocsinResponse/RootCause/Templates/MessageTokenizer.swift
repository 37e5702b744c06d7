/// Splits a log message into masked tokens: the input of the template miner.
///
/// Tokens are separated by ASCII whitespace, except inside a quoted string that starts a
/// token or a `key=` value and ends with the same quote before whitespace or punctuation,
/// so `user 'john smith' logged in` has four tokens. Each token is masked by
/// ``TokenMasker``. Messages longer than `maxTokens` tokens keep their first
/// `maxTokens - 1` tokens and end in one `<*>`, which bounds the parse tree's length layer.
struct MessageTokenizer: Sendable, Hashable {
    /// The most tokens a message yields (at least 1).
    let maxTokens: Int

    /// The masked tokens of `message`.
    func tokens(of message: String) -> [String] {
        var message = message
        return message.withUTF8 { tokens(in: $0) }
    }

    private func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var tokens: [String] = []
        var index = 0
        while index < bytes.count {
            guard !Self.isSpace(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            index = Self.tokenEnd(in: bytes, from: start)
            guard tokens.count < maxTokens else {
                tokens[maxTokens - 1] = LogTemplate.wildcard
                break
            }
            tokens.append(TokenMasker.mask(UnsafeBufferPointer(rebasing: bytes[start..<index])))
        }
        return tokens
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// Bytes that may follow a closing quote.
    private static func canFollowQuote(_ byte: UInt8) -> Bool {
        isSpace(byte) || ",;:.)]}".utf8.contains(byte)
    }

    /// The end of the token starting at `start`: the next whitespace outside quotes.
    private static func tokenEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, !isSpace(bytes[index]) {
            let opensQuote = isQuote(bytes[index]) && (index == start || bytes[index - 1] == UInt8(ascii: "="))
            if opensQuote, let close = closingQuote(in: bytes, opening: index) {
                index = close + 1
            } else {
                index += 1
            }
        }
        return index
    }

    /// The index of the quote that closes the one at `opening`, if any.
    private static func closingQuote(in bytes: UnsafeBufferPointer<UInt8>, opening: Int) -> Int? {
        let quote = bytes[opening]
        var index = opening + 1
        while index < bytes.count {
            if bytes[index] == quote, index + 1 == bytes.count || canFollowQuote(bytes[index + 1]) {
                return index
            }
            index += 1
        }
        return nil
    }
}
