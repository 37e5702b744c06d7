import Foundation
import Testing

@testable import TocsinEmail

@Suite("RFC 5322 rendering")
struct EmailRenderingTests {
    static func alert(subject: String = "CPU high on web-1", html: String? = nil) throws -> EmailMessage {
        EmailMessage(
            from: try EmailAddress("tocsin@alerts.example.com", displayName: "Tocsin"),
            to: [try EmailAddress("oncall@example.com"), try EmailAddress("bob@example.org", displayName: "Bob Ünal")],
            cc: [try EmailAddress("team@example.com")],
            bcc: [try EmailAddress("audit@example.com")],
            subject: subject,
            textBody: "Score 0.97\n.hidden dot line\n" + String(repeating: "long ", count: 400),
            htmlBody: html,
            extraHeaders: [try EmailHeaderField(name: "X-Tocsin-Alert", value: "cpu-high")]
        )
    }

    static let date = Date(timeIntervalSince1970: 1_709_647_389)

    @Test("the Date field is RFC 5322 in UTC")
    func dateFormat() {
        #expect(RFC5322Date.string(from: Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(RFC5322Date.string(from: Self.date) == "Tue, 05 Mar 2024 14:03:09 +0000")
        #expect(RFC5322Date.string(from: Date(timeIntervalSince1970: 4_107_542_400)) == "Mon, 01 Mar 2100 00:00:00 +0000")
    }

    @Test("the same generator seed renders the same message; another seed another Message-ID")
    func deterministicGivenGenerator() throws {
        let message = try Self.alert(html: "<p>hi</p>")
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        var third = SplitMix64(seed: 8)
        let a = message.rendered(date: Self.date, using: &first)
        #expect(a == message.rendered(date: Self.date, using: &second))
        #expect(a.messageID != message.rendered(date: Self.date, using: &third).messageID)
        #expect(a.messageID.hasPrefix("<") && a.messageID.hasSuffix("@alerts.example.com>"))
        #expect(a.messageID.count == "<@alerts.example.com>".count + 32)
        #expect(message.rendered().messageID != message.rendered().messageID)
    }

    @Test("header fields are complete, Bcc is never written, extra fields come along")
    func headerFields() throws {
        var generator = SplitMix64(seed: 1)
        let rendered = try Self.alert().rendered(date: Self.date, using: &generator)
        let text = rendered.text
        #expect(MessageInspection.headerValue("Date", in: text) == "Tue, 05 Mar 2024 14:03:09 +0000")
        #expect(MessageInspection.headerValue("From", in: text) == "\"Tocsin\" <tocsin@alerts.example.com>")
        let to = try #require(MessageInspection.headerValue("To", in: text))
        #expect(to.hasPrefix("oncall@example.com, =?UTF-8?B?"))
        #expect(to.hasSuffix("<bob@example.org>"))
        #expect(MessageInspection.headerValue("Cc", in: text) == "team@example.com")
        #expect(MessageInspection.headerValue("Bcc", in: text) == nil)
        #expect(!text.contains("audit@example.com"))
        #expect(MessageInspection.headerValue("Subject", in: text) == "CPU high on web-1")
        #expect(MessageInspection.headerValue("Message-ID", in: text) == rendered.messageID)
        #expect(MessageInspection.headerValue("MIME-Version", in: text) == "1.0")
        #expect(MessageInspection.headerValue("X-Tocsin-Alert", in: text) == "cpu-high")
        #expect(MessageInspection.headerValue("Content-Type", in: text) == "text/plain; charset=utf-8")
        #expect(MessageInspection.headerValue("Content-Transfer-Encoding", in: text) == "quoted-printable")
    }

    @Test("the message is ASCII with CRLF lines of at most 998 characters, ending in CRLF, body round-tripping")
    func wellFormedText() throws {
        var generator = SplitMix64(seed: 2)
        let message = try Self.alert(subject: "Température élevée ⚠️ " + String(repeating: "ü", count: 200))
        let text = message.rendered(date: Self.date, using: &generator).text
        #expect(text.allSatisfy { $0.isASCII })
        #expect(text.hasSuffix("\r\n"))
        let lines = try #require(MessageInspection.crlfLines(text))
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        let subject = try #require(MessageInspection.headerValue("Subject", in: text))
        #expect(MessageInspection.decodeEncodedWords(subject) == message.subject)
        let body = String(text[try #require(text.range(of: "\r\n\r\n")).upperBound...])
        let expected = (message.textBody + "\n").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(MessageInspection.decodeQuotedPrintable(body) == expected)
    }

    @Test("a subject with line breaks cannot add a header field")
    func subjectInjection() throws {
        var generator = SplitMix64(seed: 3)
        let text = try Self.alert(subject: "x\r\nBcc: evil@example.com\nX-Evil: 1").rendered(date: Self.date, using: &generator).text
        let header = MessageInspection.unfoldedHeader(of: text)
        #expect(!header.contains { $0.lowercased().hasPrefix("bcc:") || $0.lowercased().hasPrefix("x-evil:") })
        #expect(MessageInspection.headerValue("Subject", in: text) == "x Bcc: evil@example.com X-Evil: 1")
    }

    @Test("an HTML alternative makes a multipart/alternative body with both parts intact")
    func multipartAlternative() throws {
        var generator = SplitMix64(seed: 4)
        let message = try Self.alert(html: "<p>Score <b>0.97</b></p>")
        let text = message.rendered(date: Self.date, using: &generator).text
        let contentType = try #require(MessageInspection.headerValue("Content-Type", in: text))
        #expect(contentType.hasPrefix("multipart/alternative; boundary=\"=_tocsin_"))
        let boundary = String(contentType.split(separator: "\"")[1])
        let parts = text.components(separatedBy: "\r\n--\(boundary)")
        #expect(parts.count == 4)
        #expect(parts[3] == "--\r\n")
        let plain = parts[1].components(separatedBy: "\r\n\r\n")
        #expect(plain[0] == "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable")
        #expect(MessageInspection.decodeQuotedPrintable(plain[1]) == (message.textBody + "\n").replacingOccurrences(of: "\n", with: "\r\n"))
        let html = parts[2].components(separatedBy: "\r\n\r\n")
        #expect(html[0].contains("Content-Type: text/html; charset=utf-8"))
        #expect(MessageInspection.decodeQuotedPrintable(html[1]) == "<p>Score <b>0.97</b></p>\r\n")
    }

    @Test("empty To and Cc lists are left out rather than written empty")
    func emptyAddressLists() throws {
        var message = try Self.alert()
        message.to = []
        message.cc = []
        var generator = SplitMix64(seed: 5)
        let text = message.rendered(date: Self.date, using: &generator).text
        #expect(MessageInspection.headerValue("To", in: text) == nil)
        #expect(MessageInspection.headerValue("Cc", in: text) == nil)
        #expect(message.envelopeRecipients.map(\.address) == ["audit@example.com"])
    }

    @Test("envelope recipients are To, Cc and Bcc, each address once regardless of case")
    func envelopeRecipients() throws {
        var message = try Self.alert()
        message.cc.append(try EmailAddress("OnCall@Example.com"))
        #expect(message.envelopeRecipients.map(\.address) == [
            "oncall@example.com", "bob@example.org", "team@example.com", "audit@example.com",
        ])
    }
}
