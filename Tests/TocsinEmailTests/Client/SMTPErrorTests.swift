import NIOCore
import Testing

@testable import TocsinEmail

@Suite("SMTP errors and secret redaction")
struct SMTPErrorTests {
    static let credentials = SMTPCredentials(username: "me@example.com", password: "hunter2-long")

    @Test("4xx replies are transient, 5xx permanent")
    func replyClassification() {
        let redactor = SecretRedactor(credentials: nil)
        #expect(SMTPError(stage: .rcptTo, reply: SMTPReply(code: 451, lines: ["later"]), redactor: redactor).isTransient)
        #expect(!SMTPError(stage: .auth, reply: SMTPReply(code: 535, lines: ["bad"]), redactor: redactor).isTransient)
    }

    @Test("network failures and timeouts are transient; malformed replies are not; TLS failures move to the tls stage")
    func failureClassification() {
        let redactor = SecretRedactor(credentials: nil)
        #expect(SMTPError(stage: .connect, failure: IOError(errnoCode: 111, reason: "connect"), redactor: redactor).isTransient)
        #expect(SMTPError(stage: .data, failure: SMTPConnectionError.timedOut, redactor: redactor).isTransient)
        #expect(SMTPError(stage: .data, failure: SMTPConnectionError.closedByServer, redactor: redactor).isTransient)
        #expect(!SMTPError(stage: .ehlo, failure: SMTPConnectionError.malformedReply("x"), redactor: redactor).isTransient)
        let injected = SMTPError(stage: .ehlo, failure: SMTPConnectionError.unexpectedDataAfterStartTLS, redactor: redactor)
        #expect(injected.stage == .tls && !injected.isTransient)
        #expect(SMTPError(stage: .connect, failure: ChannelError.connectTimeout(.seconds(1)), redactor: redactor).isTransient)
    }

    @Test("the password and the base64 AUTH payloads are removed from server text")
    func redaction() {
        let redactor = SecretRedactor(credentials: Self.credentials)
        let secrets = [Self.credentials.password] + SMTPAuthMechanism.allCases.flatMap { $0.responses(for: Self.credentials) }
        let echoed = SMTPReply(code: 535, lines: ["rejected " + secrets.joined(separator: " and ")])
        let error = SMTPError(stage: .auth, reply: echoed, redactor: redactor)
        for secret in secrets { #expect(!error.description.contains(secret)) }
        #expect(error.description.contains("<redacted>"))
        #expect(error.description == "SMTP auth failed (535, permanent): " + error.message)
    }

    @Test("credentials never print their password")
    func credentialsDescription() {
        let text = [
            "\(Self.credentials)", String(reflecting: Self.credentials),
            String(describing: Mirror(reflecting: Self.credentials).children.map(\.value)),
        ]
        for line in text { #expect(!line.contains(Self.credentials.password)) }
        var dumped = ""
        dump(Self.credentials, to: &dumped)
        #expect(!dumped.contains(Self.credentials.password))
        #expect(dumped.contains("me@example.com"))
    }
}
