/// The quoted-printable content transfer encoding (RFC 2045 §6.7) for text bodies.
enum QuotedPrintable {
    /// RFC 2045's limit on an encoded line, soft-break `=` included.
    static let maximumLineLength = 76

    /// Encodes UTF-8 text. LF and CRLF are line breaks and come out as CRLF; every other byte that is not
    /// printable ASCII (a lone CR included), every `=`, and a space or tab ending a line is escaped as `=XX`.
    /// Long lines are split with soft line breaks (`=` CRLF), never inside an escape.
    static func encode(_ text: String) -> String {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        for index in lines.indices where lines[index].last == UInt8(ascii: "\r") {
            lines[index].removeLast()
        }
        return lines.map(encodeLine).joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var output = ""
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let piece = isLiteral(byte, endsLine: isLast) ? String(UnicodeScalar(byte)) : escape(byte)
            // Leave room for the soft-break "=", unless this piece ends the line.
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if lineLength + piece.utf8.count > limit {
                output += "=\r\n"
                lineLength = 0
            }
            output += piece
            lineLength += piece.utf8.count
        }
        return output
    }

    private static func isLiteral(_ byte: UInt8, endsLine: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"): !endsLine
        case UInt8(ascii: "="): false
        default: (33...126).contains(byte)
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func escape(_ byte: UInt8) -> String {
        "=\(hexDigits[Int(byte >> 4)])\(hexDigits[Int(byte & 0x0F)])"
    }
}
