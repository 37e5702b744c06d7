/// The bytes sent after `DATA` (RFC 5321 §4.5.2): the message with every line that starts with `.`
/// given an extra `.`, then the terminating `.` line.
enum SMTPDataPayload {
    /// Dot-stuffs `message` (CRLF line endings) and appends the end-of-data line, adding a final CRLF if missing.
    static func bytes(for message: String) -> [UInt8] {
        var payload: [UInt8] = []
        payload.reserveCapacity(message.utf8.count + 64)
        var atLineStart = true
        for byte in message.utf8 {
            if atLineStart, byte == UInt8(ascii: ".") { payload.append(UInt8(ascii: ".")) }
            payload.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !payload.isEmpty, !atLineStart { payload += Array("\r\n".utf8) }
        return payload + Array(".\r\n".utf8)
    }
}
