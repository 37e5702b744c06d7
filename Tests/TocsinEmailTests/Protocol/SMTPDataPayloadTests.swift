import Testing

@testable import TocsinEmail

@Suite("DATA dot-stuffing")
struct SMTPDataPayloadTests {
    @Test("lines starting with a dot get another dot; the end-of-data line follows")
    func dotStuffing() {
        let payload = SMTPDataPayload.bytes(for: ".first\r\nmiddle.\r\n..two\r\n.\r\n")
        #expect(String(decoding: payload, as: UTF8.self) == "..first\r\nmiddle.\r\n...two\r\n..\r\n.\r\n")
    }

    @Test("a missing final CRLF is added before the end-of-data line")
    func finalLineBreak() {
        #expect(String(decoding: SMTPDataPayload.bytes(for: "a\r\nb"), as: UTF8.self) == "a\r\nb\r\n.\r\n")
        #expect(String(decoding: SMTPDataPayload.bytes(for: ""), as: UTF8.self) == ".\r\n")
    }
}
