import Testing

@testable import TocsinEmail

@Suite("SMTP reply parsing")
struct SMTPReplyParserTests {
    @Test("multi-line replies end at the line with a space after the code")
    func multiLine() throws {
        var parser = SMTPReplyParser()
        let replies = try parser.consume(Array("250-mail.example.com\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n220 ready\r\n".utf8))
        #expect(replies == [
            SMTPReply(code: 250, lines: ["mail.example.com", "AUTH PLAIN LOGIN", "STARTTLS"]),
            SMTPReply(code: 220, lines: ["ready"]),
        ])
        #expect(!parser.hasBufferedData)
    }

    @Test("replies split across reads, bare LF endings and code-only lines are understood")
    func splitReads() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.consume(Array("354 go ah".utf8)).isEmpty)
        #expect(parser.hasBufferedData)
        #expect(try parser.consume(Array("ead\n250".utf8)) == [SMTPReply(code: 354, lines: ["go ahead"])])
        #expect(try parser.consume(Array("\r\n".utf8)) == [SMTPReply(code: 250, lines: [""])])
    }

    @Test("control characters in reply text are replaced")
    func controlCharacters() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.consume(Array("550 bad\u{1B}[31m\rfake\tline\r\n".utf8)) == [SMTPReply(code: 550, lines: ["bad?[31m?fake?line"])])
    }

    @Test(
        "malformed replies are refused",
        arguments: ["hello\r\n", "25\r\n", "2500 x\r\n", "250_x\r\n", "099 x\r\n", "250-a\r\n251 b\r\n"])
    func malformed(_ input: String) {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPConnectionError.self) { try parser.consume(Array(input.utf8)) }
    }

    @Test("an endless line is refused instead of buffered")
    func endlessLine() {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPConnectionError.self) {
            try parser.consume([UInt8](repeating: UInt8(ascii: "2"), count: SMTPReplyParser.maximumLineLength + 1))
        }
    }

    @Test("EHLO capabilities: STARTTLS and both AUTH forms")
    func capabilities() {
        let reply = SMTPReply(code: 250, lines: ["smtp.example.com at your service", "SIZE 35882577", "auth login plain xoauth2", "AUTH=CRAM-MD5", "STARTTLS"])
        let capabilities = SMTPCapabilities(ehloReply: reply)
        #expect(capabilities.startTLS)
        #expect(capabilities.authMechanisms == ["LOGIN", "PLAIN", "XOAUTH2", "CRAM-MD5"])
        #expect(SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["STARTTLS only greeting"])) == .none)
    }

    @Test("PLAIN is preferred over LOGIN; unknown mechanisms are not used")
    func mechanismPreference() {
        #expect(SMTPAuthMechanism.preferred(among: ["LOGIN", "PLAIN", "XOAUTH2"]) == .plain)
        #expect(SMTPAuthMechanism.preferred(among: ["LOGIN", "XOAUTH2"]) == .login)
        #expect(SMTPAuthMechanism.preferred(among: ["XOAUTH2"]) == nil)
    }

    @Test("AUTH payloads are base64 and commands never log them")
    func authPayloads() {
        let credentials = SMTPCredentials(username: "me@example.com", password: "pässword")
        #expect(SMTPAuthMechanism.plain.responses(for: credentials) == ["AG1lQGV4YW1wbGUuY29tAHDDpHNzd29yZA=="])
        #expect(SMTPAuthMechanism.login.responses(for: credentials) == ["bWVAZXhhbXBsZS5jb20=", "cMOkc3N3b3Jk"])
        let command = SMTPCommand.auth("PLAIN", initialResponse: "AG1lQGV4YW1wbGUuY29tAHDDpHNzd29yZA==")
        #expect(command.line == "AUTH PLAIN AG1lQGV4YW1wbGUuY29tAHDDpHNzd29yZA==")
        #expect(command.description == "AUTH PLAIN <redacted>")
        #expect(SMTPCommand.authResponse("cMOkc3N3b3Jk").description == "<redacted>")
    }
}
