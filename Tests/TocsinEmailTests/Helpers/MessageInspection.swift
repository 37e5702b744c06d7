import Foundation

/// Independent decoders and checks for rendered messages, so unit tests need no server.
enum MessageInspection {
    /// Decodes quoted-printable text (soft breaks removed, `=XX` unescaped, CRLF kept).
    static func decodeQuotedPrintable(_ encoded: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(encoded.utf8)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "="), index + 2 < input.count, input[index + 1] == 13, input[index + 2] == 10 {
                index += 3
            } else if input[index] == UInt8(ascii: "="), index + 2 < input.count,
                let value = UInt8(String(decoding: input[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes a sequence of `=?UTF-8?B?…?=` words separated by folding whitespace.
    static func decodeEncodedWords(_ value: String) -> String? {
        var bytes = Data()
        for word in value.split(whereSeparator: \.isWhitespace) {
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
                let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))
            else { return nil }
            bytes.append(data)
        }
        return String(data: bytes, encoding: .utf8)
    }

    /// The message's lines split on CRLF; `nil` if a bare CR or LF appears anywhere.
    static func crlfLines(_ text: String) -> [Substring]? {
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        let hasBareBreak = lines.contains { $0.unicodeScalars.contains { $0 == "\r" || $0 == "\n" } }
        return hasBareBreak ? nil : lines
    }

    /// The header block with folded lines joined back (CRLF before whitespace removed).
    static func unfoldedHeader(of text: String) -> [String] {
        let header = text.components(separatedBy: "\r\n\r\n").first ?? ""
        return header.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n")
    }

    /// The unfolded value of the first header field called `name` (case-insensitive).
    static func headerValue(_ name: String, in text: String) -> String? {
        let prefix = name.lowercased() + ":"
        return unfoldedHeader(of: text).first { $0.lowercased().hasPrefix(prefix) }.map {
            String($0.dropFirst(prefix.count).drop(while: { $0 == " " }))
        }
    }
}
