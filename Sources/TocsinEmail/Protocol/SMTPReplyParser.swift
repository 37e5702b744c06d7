/// Assembles bytes from the server into replies (RFC 5321 §4.2): lines `DDD-text` continue a reply,
/// `DDD text` or `DDD` end it. LF without CR is accepted as a line end. Control characters in the text
/// become `?`, so a hostile server cannot forge log lines.
struct SMTPReplyParser {
    /// Longest accepted reply line; RFC 5321 allows 512 bytes, generous servers send a little more.
    static let maximumLineLength = 4096
    /// Most lines accepted in one reply, bounding memory against a hostile server.
    static let maximumLines = 512

    private var partialLine: [UInt8] = []
    private var code: Int?
    private var lines: [String] = []

    /// Whether bytes of an unfinished reply are held back.
    var hasBufferedData: Bool { !partialLine.isEmpty || !lines.isEmpty }

    /// Consumes the next bytes and returns the replies they complete.
    /// - Throws: ``SMTPConnectionError/malformedReply(_:)`` on anything that is not a well-formed reply.
    mutating func consume(_ bytes: some Sequence<UInt8>) throws(SMTPConnectionError) -> [SMTPReply] {
        var replies: [SMTPReply] = []
        for byte in bytes {
            guard byte == UInt8(ascii: "\n") else {
                partialLine.append(byte)
                guard partialLine.count <= Self.maximumLineLength else {
                    throw .malformedReply("a reply line is longer than \(Self.maximumLineLength) bytes")
                }
                continue
            }
            if partialLine.last == UInt8(ascii: "\r") { partialLine.removeLast() }
            if let reply = try finishLine() { replies.append(reply) }
        }
        return replies
    }

    private mutating func finishLine() throws(SMTPConnectionError) -> SMTPReply? {
        let line = partialLine
        partialLine = []
        let digits = line.prefix(3)
        guard digits.count == 3, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let lineCode = Int(String(decoding: digits, as: UTF8.self)), (200...599).contains(lineCode)
        else { throw .malformedReply("a reply line does not start with a reply code") }
        guard code == nil || code == lineCode else { throw .malformedReply("a multi-line reply changes its code") }
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw .malformedReply("a reply code is followed by neither a space nor a hyphen")
        }
        code = lineCode
        let text = line.dropFirst(4).map { $0 < 0x20 || $0 == 0x7F ? UInt8(ascii: "?") : $0 }
        lines.append(String(decoding: text, as: UTF8.self))
        guard lines.count <= Self.maximumLines else { throw .malformedReply("a reply has more than \(Self.maximumLines) lines") }
        guard separator == UInt8(ascii: " ") else { return nil }
        let reply = SMTPReply(code: lineCode, lines: lines)
        code = nil
        lines = []
        return reply
    }
}
