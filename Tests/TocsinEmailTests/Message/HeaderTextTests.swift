import Testing

@testable import TocsinEmail

@Suite("Header text neutralization and folding")
struct HeaderTextTests {
    @Test("line breaks and control characters become one space each run")
    func neutralizesControls() {
        #expect(HeaderText.neutralized("x\r\nBcc: evil@example.com") == "x Bcc: evil@example.com")
        #expect(HeaderText.neutralized("a\tb\u{0}\u{7F}c") == "a b c")
    }

    @Test("plain ASCII subjects stay readable; non-ASCII, =? and over-long words are encoded")
    func choosesEncoding() {
        #expect(HeaderText.unstructuredTokens("CPU high on web-1") == ["CPU", "high", "on", "web-1"])
        #expect(HeaderText.unstructuredTokens("Ärger")[0].hasPrefix("=?UTF-8?B?"))
        #expect(HeaderText.unstructuredTokens("looks =?like?= a word")[0].hasPrefix("=?UTF-8?B?"))
        #expect(HeaderText.unstructuredTokens(String(repeating: "z", count: 78))[0].hasPrefix("=?UTF-8?B?"))
    }

    @Test("display names are quoted with escapes, or encoded when not plain ASCII")
    func phrases() {
        #expect(HeaderText.phraseTokens("Ops \"On-Call\" \\ Team") == ["\"Ops \\\"On-Call\\\" \\\\ Team\""])
        #expect(HeaderText.phraseTokens("Zoë")[0].hasPrefix("=?UTF-8?B?"))
    }

    @Test("long fields fold before tokens within 78 characters and unfold to the original")
    func foldsLongFields() throws {
        let subject = "Anomaly  detected on " + (1...30).map { "metric-\($0)" }.joined(separator: " ")
        let field = HeaderFolding.field("Subject", tokens: HeaderText.unstructuredTokens(subject))
        let lines = try #require(MessageInspection.crlfLines(field)).dropLast()
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= HeaderFolding.preferredLineLength })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") && !$0.allSatisfy { $0 == " " } })
        #expect(field.replacingOccurrences(of: "\r\n", with: "") == "Subject: \(subject)")
    }

    @Test("address lists separate mailboxes with commas and fold between them")
    func addressLists() throws {
        let mailboxes = try (1...8).map { try EmailAddress("user\($0)@example.com", displayName: "User \($0)") }
        let field = HeaderFolding.field("To", tokens: HeaderFolding.addressTokens(mailboxes))
        let lines = try #require(MessageInspection.crlfLines(field)).dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= HeaderFolding.preferredLineLength })
        #expect(field.replacingOccurrences(of: "\r\n", with: "").hasPrefix("To: \"User 1\" <user1@example.com>, \"User 2\""))
    }
}
