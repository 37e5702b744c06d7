import Testing

@testable import TocsinEmail

@Suite("Quoted-printable body encoding")
struct QuotedPrintableTests {
    @Test("escapes =, non-ASCII and line-ending whitespace, keeps dots and inner spaces")
    func escapesWhatMustBeEscaped() {
        #expect(QuotedPrintable.encode("a=b") == "a=3Db")
        #expect(QuotedPrintable.encode("Température") == "Temp=C3=A9rature")
        #expect(QuotedPrintable.encode("end \nnext\t") == "end=20\r\nnext=09")
        #expect(QuotedPrintable.encode(".dot line") == ".dot line")
        #expect(QuotedPrintable.encode("lone\rcarriage") == "lone=0Dcarriage")
    }

    @Test("LF and CRLF both become CRLF")
    func normalizesLineBreaks() {
        #expect(QuotedPrintable.encode("a\nb\r\nc\n") == "a\r\nb\r\nc\r\n")
    }

    @Test("long lines get soft breaks within 76 characters, never inside an escape, and decode back")
    func softBreaksLongLines() throws {
        let text = String(repeating: "é0123456789 ", count: 200) + "\n" + String(repeating: "x", count: 2000) + "\n"
        let encoded = QuotedPrintable.encode(text)
        let lines = try #require(MessageInspection.crlfLines(encoded))
        #expect(lines.allSatisfy { $0.utf8.count <= QuotedPrintable.maximumLineLength })
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
        #expect(MessageInspection.decodeQuotedPrintable(encoded) == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test("a line of exactly 76 characters needs no soft break")
    func fullLineFits() {
        let line = String(repeating: "y", count: 76)
        #expect(QuotedPrintable.encode(line) == line)
        #expect(QuotedPrintable.encode(line + "y") == String(repeating: "y", count: 75) + "=\r\nyy")
    }
}
