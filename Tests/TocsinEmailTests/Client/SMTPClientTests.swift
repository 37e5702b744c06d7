import Foundation
import Testing
import TocsinTestServers

@testable import TocsinEmail

/// End-to-end sends against a real aiosmtpd server (`Support/smtp_sink.py`).
@Suite("SMTP client against aiosmtpd")
struct SMTPClientTests {
    static func configuration(
        _ sink: SMTPSink, security: SMTPSecurity = .startTLS, password: String = SMTPSink.password, trustSink: Bool = true
    ) -> SMTPConfiguration {
        SMTPConfiguration(
            host: "127.0.0.1",
            port: sink.port,
            security: security,
            credentials: SMTPCredentials(username: SMTPSink.user, password: password),
            heloName: "tocsin.test",
            connectTimeout: .seconds(5),
            commandTimeout: .seconds(10),
            tls: SMTPTLSSettings(
                additionalTrustedCertificateFiles: trustSink ? sink.certificatePath.map { [$0] } ?? [] : [],
                serverName: "localhost"
            )
        )
    }

    static func message(
        to: [String] = ["oncall@example.com"], subject: String = "CPU high on web-1", body: String = "Score 0.97\n"
    ) throws -> EmailMessage {
        EmailMessage(
            from: try EmailAddress("tocsin@alerts.example.com", displayName: "Tocsin"),
            to: try to.map { try EmailAddress($0) },
            subject: subject,
            textBody: body
        )
    }

    /// Secrets that must never show in errors or logs.
    static var secrets: [String] {
        let wrong = SMTPCredentials(username: SMTPSink.user, password: "wr0ng-passw0rd")
        let right = SMTPCredentials(username: SMTPSink.user, password: SMTPSink.password)
        return [wrong, right].flatMap { [$0.password] + SMTPAuthMechanism.plain.responses(for: $0) + SMTPAuthMechanism.login.responses(for: $0).suffix(1) }
    }

    @Test("STARTTLS + AUTH delivers to two recipients: envelope, encoded subject, dot line and long line intact")
    func startTLSDelivery() async throws {
        let sink = try await SMTPSink()
        let log = LogRecorder()
        let body = "Anomaly score 0.97 on web-1\n.this line starts with a dot\n..and this with two\n"
            + String(repeating: "0123456789", count: 200) + "\nlast line \n"
        let subject = "Température élevée ⚠️ on 東京-1"
        var message = try Self.message(to: ["oncall@example.com", "bob@example.org"], subject: subject, body: body)
        message.to[1] = try EmailAddress("bob@example.org", displayName: "Bob Ünal")
        let messageID = try await SMTPClient.send(message, configuration: Self.configuration(sink), logger: log.logger())

        let received = try sink.messages()
        try #require(received.count == 1)
        let mail = received[0]
        #expect(mail.mail_from == "tocsin@alerts.example.com")
        #expect(mail.rcpt_tos == ["oncall@example.com", "bob@example.org"])
        #expect(mail.subject == subject)
        #expect(mail.text?.replacingOccurrences(of: "\r\n", with: "\n") == body)
        #expect(mail.defects.isEmpty)
        #expect(mail.headers["message-id"] == [messageID])
        #expect(mail.headers["to"]?.first?.contains("Bob Ünal <bob@example.org>") == true)
        #expect(mail.headers["mime-version"] == ["1.0"])
        #expect(mail.headers["date"]?.count == 1)
        let lines = try #require(MessageInspection.crlfLines(mail.raw))
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        #expect(log.lines.contains { $0.contains("STARTTLS") })
        #expect(log.lines.contains { $0.contains("AUTH PLAIN <redacted>") })
        for line in log.lines { for secret in Self.secrets { #expect(!line.contains(secret)) } }
    }

    @Test("LOGIN is used when the server does not offer PLAIN")
    func loginMechanism() async throws {
        let sink = try await SMTPSink(excludedMechanisms: ["PLAIN"])
        let log = LogRecorder()
        try await SMTPClient.send(try Self.message(), configuration: Self.configuration(sink), logger: log.logger())
        #expect(try sink.messages().count == 1)
        #expect(log.lines.contains { $0.contains("AUTH LOGIN") })
        for line in log.lines { for secret in Self.secrets { #expect(!line.contains(secret)) } }
    }

    @Test("a wrong password fails at auth with 535, permanently, without revealing the password", arguments: [[], ["PLAIN"]])
    func wrongPassword(excluded: [String]) async throws {
        let sink = try await SMTPSink(excludedMechanisms: excluded)
        let log = LogRecorder()
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(
                try Self.message(), configuration: Self.configuration(sink, password: "wr0ng-passw0rd"), logger: log.logger())
        }
        #expect(error?.stage == .auth)
        #expect(error?.replyCode == 535)
        #expect(error?.isTransient == false)
        let texts = [error.map { "\($0)" } ?? "", error.map { String(reflecting: $0) } ?? "", error?.message ?? ""] + log.lines
        for text in texts { for secret in Self.secrets { #expect(!text.contains(secret)) } }
        #expect(try sink.messages().isEmpty)
    }

    @Test("a refused connection is a transient connect error")
    func connectionRefused() async throws {
        let closed = try await SMTPSink(mode: "closed")
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(try Self.message(), configuration: Self.configuration(closed, security: .plain))
        }
        #expect(error?.stage == .connect)
        #expect(error?.isTransient == true)
    }

    @Test("a server that never answers times out as a transient greeting error")
    func silentServer() async throws {
        let silent = try await SMTPSink(mode: "silent")
        var configuration = Self.configuration(silent, security: .plain)
        configuration.commandTimeout = .milliseconds(300)
        let started = ContinuousClock.now
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(try Self.message(), configuration: configuration)
        }
        #expect(error?.stage == .greeting)
        #expect(error?.isTransient == true)
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test("an untrusted certificate fails at the tls stage, permanently")
    func untrustedCertificate() async throws {
        let sink = try await SMTPSink()
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(try Self.message(), configuration: Self.configuration(sink, trustSink: false))
        }
        #expect(error?.stage == .tls)
        #expect(error?.isTransient == false)
        #expect(error?.message.contains("CERTIFICATE_VERIFY_FAILED") == true)
        #expect(try sink.messages().isEmpty)
    }

    @Test("a trusted certificate for another name fails at the tls stage", arguments: ["mail.example.com", nil])
    func wrongServerName(serverName: String?) async throws {
        let sink = try await SMTPSink()
        var configuration = Self.configuration(sink)
        // nil: the host 127.0.0.1 is checked, and the certificate names only localhost.
        configuration.tls.serverName = serverName
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(try Self.message(), configuration: configuration)
        }
        #expect(error?.stage == .tls)
        #expect(try sink.messages().isEmpty)
    }

    @Test("STARTTLS required but not offered is refused rather than sending in plain text")
    func noStartTLSOffered() async throws {
        let sink = try await SMTPSink(tls: "none", authenticate: false)
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(try Self.message(), configuration: Self.configuration(sink, security: .startTLS))
        }
        #expect(error?.stage == .tls)
        #expect(error?.isTransient == false)
        #expect(try sink.messages().isEmpty)
    }

    @Test("plaintext sent right after the 220 to STARTTLS is refused, not read as the encrypted reply")
    func startTLSResponseInjection() async throws {
        let scripted = try await SMTPSink(mode: "starttls-injection")
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(try Self.message(), configuration: Self.configuration(scripted))
        }
        #expect(error?.stage == .tls)
        #expect(error?.isTransient == false)
        #expect(error?.message.contains("after accepting STARTTLS") == true)
    }

    @Test("a server that refuses EHLO is greeted with HELO and still takes the message")
    func heloFallback() async throws {
        let sink = try await SMTPSink(tls: "none", authenticate: false, mode: "helo-only")
        let log = LogRecorder()
        var configuration = Self.configuration(sink, security: .plain)
        configuration.credentials = nil
        try await SMTPClient.send(try Self.message(), configuration: configuration, logger: log.logger())
        #expect(try sink.messages().count == 1)
        #expect(log.lines.contains { $0.contains("HELO tocsin.test") })
    }

    @Test("a subject with CR LF cannot add a Bcc recipient or header")
    func headerInjection() async throws {
        let sink = try await SMTPSink()
        let message = try Self.message(subject: "x\r\nBcc: evil@example.com")
        try await SMTPClient.send(message, configuration: Self.configuration(sink))
        let received = try sink.messages()
        try #require(received.count == 1)
        #expect(received[0].rcpt_tos == ["oncall@example.com"])
        #expect(received[0].headers["bcc"] == nil)
        #expect(!received[0].raw.lowercased().contains("\r\nbcc:"))
        #expect(received[0].subject == "x Bcc: evil@example.com")
    }

    @Test("implicit TLS delivers with the trusted self-signed certificate")
    func implicitTLS() async throws {
        let sink = try await SMTPSink(tls: "implicit")
        try await SMTPClient.send(try Self.message(), configuration: Self.configuration(sink, security: .implicitTLS))
        #expect(try sink.messages().map(\.rcpt_tos) == [["oncall@example.com"]])
    }

    @Test("a plain relay without AUTH takes several messages, one with HTML, over one connection")
    func severalMessagesOnePlainConnection() async throws {
        let sink = try await SMTPSink(tls: "none", authenticate: false)
        var configuration = Self.configuration(sink, security: .plain)
        configuration.credentials = nil
        var withHTML = try Self.message(subject: "second")
        withHTML.htmlBody = "<p>Score <b>0.97</b></p>\n"
        withHTML.bcc = [try EmailAddress("audit@example.com")]
        let messages = [try Self.message(subject: "first"), withHTML, try Self.message(to: ["a@example.com"], subject: "third")]
        let ids = try await SMTPClient.send(messages, configuration: configuration)
        let received = try sink.messages()
        #expect(received.map(\.subject) == ["first", "second", "third"])
        #expect(received.compactMap { $0.headers["message-id"]?.first } == ids)
        #expect(received[1].rcpt_tos == ["oncall@example.com", "audit@example.com"])
        #expect(received[1].headers["bcc"] == nil)
        #expect(received[1].html?.replacingOccurrences(of: "\r\n", with: "\n") == withHTML.htmlBody)
        #expect(received[1].text?.replacingOccurrences(of: "\r\n", with: "\n") == withHTML.textBody)
        #expect(received.allSatisfy { $0.defects.isEmpty })
    }

    @Test("refused recipients fail the whole message: 550 permanently, 451 transiently", arguments: [(550, false), (451, true)])
    func refusedRecipient(code: Int, transient: Bool) async throws {
        let sink = try await SMTPSink()
        let refused = code == 550 ? "nosuchuser@example.com" : "tempfail@example.com"
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(try Self.message(to: ["oncall@example.com", refused]), configuration: Self.configuration(sink))
        }
        #expect(error?.stage == .rcptTo)
        #expect(error?.replyCode == code)
        #expect(error?.isTransient == transient)
        #expect(error?.message.contains(refused) == true)
        #expect(try sink.messages().isEmpty)
    }

    @Test("invalid configurations and messages fail before connecting")
    func failsBeforeConnecting() async throws {
        let closed = try await SMTPSink(mode: "closed")
        var configuration = Self.configuration(closed)
        configuration.tls.additionalTrustedCertificateFiles = ["/nonexistent/cert.pem"]
        let badCertificate = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(try Self.message(), configuration: configuration)
        }
        #expect(badCertificate?.stage == .configuration)
        configuration = Self.configuration(closed, security: .plain)
        configuration.heloName = "bad name\r\nMAIL FROM:<x@y>"
        let badHELO = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(try Self.message(), configuration: configuration)
        }
        #expect(badHELO?.stage == .configuration)
        let noRecipients = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(try Self.message(to: []), configuration: Self.configuration(closed, security: .plain))
        }
        #expect(noRecipients?.stage == .message)
        #expect(try await SMTPClient.send([], configuration: configuration).isEmpty)
    }
}
