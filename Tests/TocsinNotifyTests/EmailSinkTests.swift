import Foundation
import Testing
import TocsinEmail
import TocsinNotify
import TocsinTestServers

@Suite("E-mail sink")
struct EmailSinkTests {
    static func configuration(_ sink: SMTPSink, password: String = SMTPSink.password) -> SMTPConfiguration {
        SMTPConfiguration(host: "127.0.0.1", port: sink.port, security: .startTLS,
                          credentials: SMTPCredentials(username: SMTPSink.user, password: password),
                          tls: SMTPTLSSettings(additionalTrustedCertificateFiles: sink.certificatePath.map { [$0] } ?? [], serverName: "localhost"))
    }

    @Test("a notification of three alerts is one e-mail over STARTTLS with login, its title as the subject")
    func oneMessagePerNotification() async throws {
        let server = try await SMTPSink()
        let sink = EmailSink(name: "ops/email", configuration: Self.configuration(server), from: try EmailAddress("tocsin@example.com"),
                             to: [try EmailAddress("oncall@example.com"), try EmailAddress("sre@example.com")])
        let notification = try #require(try NotifyFixtures.lifecycle(1).firing.first)
        try await sink.deliver(try sink.render(notification))
        let received = try server.messages()
        #expect(received.count == 1)
        #expect(received.first?.rcpt_tos.sorted() == ["oncall@example.com", "sre@example.com"])
        #expect(received.first?.subject == "Tocsin: [FIRING:1] alert-0 alertname=alert-0 (warning)")
        #expect(received.first?.text?.contains("cpu_utilization on i-00 is anomalous") == true)
    }

    @Test("a wrong password is a failure that is not retried and does not contain the password")
    func wrongPassword() async throws {
        let server = try await SMTPSink()
        let secret = "wrong-smtp-password-42"
        let sink = EmailSink(name: "ops/email", configuration: Self.configuration(server, password: secret),
                             from: try EmailAddress("tocsin@example.com"), to: [try EmailAddress("oncall@example.com")])
        let notification = try #require(try NotifyFixtures.lifecycle(1).firing.first)
        let failure = try await #require(throws: SinkFailure.self) { try await sink.deliver(try sink.render(notification)) }
        #expect(!failure.retryable)
        #expect(failure.message.contains("535"))
        #expect(!failure.message.contains(secret))
        #expect(try server.messages().isEmpty)
    }
}
