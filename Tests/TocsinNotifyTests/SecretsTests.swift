import Foundation
import Logging
import Synchronization
import Testing
import TocsinAWS
import TocsinEmail
import TocsinNotify
import TocsinTestServers

/// No secret (webhook token or secret URL path, SMTP password, AWS secret key) appears in a
/// sink's errors or in the delivery log, whatever the failure.
@Suite("Secrets stay out of logs and errors")
struct SecretsTests {
    /// Keeps every log line.
    final class Recorder: LogHandler, Sendable {
        let lines = Mutex<[String]>([])
        var metadata: Logger.Metadata {
            get { [:] }
            set {}
        }
        var logLevel: Logger.Level {
            get { .trace }
            set {}
        }
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { nil }
            set {}
        }
        func log(event: LogEvent) { lines.withLock { $0.append("\(event.level) \(event.message)") } }
    }

    static let webhookToken = "hook-token-5e3cr3t"
    static let slackPath = "/services/T000/B000/slackS3cretPath"
    static let smtpPassword = "smtp-pa55word-secret"
    static let awsSecret = "aws-secret-key-W0nt-Leak"

    @Test("failing webhook, Slack, SNS and e-mail sinks: their errors and the delivery log name no secret")
    func noSecretAnywhere() async throws {
        let (store, folder) = try await NotifyFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let down = try await WebhookServer(failSeconds: 600)
        let smtp = try await SMTPSink()
        let aws = try await ScriptedServer([.init(status: 403, body: "<ErrorResponse><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>")])
        let awsConfiguration = AWSClientConfiguration(region: "eu-west-1", credentials: AWSCredentials(accessKeyID: "AKIDSECRETS", secretAccessKey: Self.awsSecret),
                                                      endpoints: AWSEndpoints(all: aws.endpoint), retry: AWSRetryPolicy(maxAttempts: 1))
        let sinks: [any AlertSink] = [
            WebhookSink(name: "ops/webhook", url: down.url("/hook?token=\(Self.webhookToken)"), token: Self.webhookToken),
            SlackSink(name: "ops/slack", url: down.url(Self.slackPath)),
            SNSSink(name: "ops/sns", sns: try SNSClient(configuration: awsConfiguration), topicARN: "arn:aws:sns:eu-west-1:123456789012:oncall"),
            EmailSink(name: "ops/email", configuration: SMTPConfiguration(
                host: "127.0.0.1", port: smtp.port, security: .startTLS, credentials: SMTPCredentials(username: SMTPSink.user, password: Self.smtpPassword),
                tls: SMTPTLSSettings(additionalTrustedCertificateFiles: smtp.certificatePath.map { [$0] } ?? [], serverName: "localhost")),
                      from: try EmailAddress("tocsin@example.com"), to: [try EmailAddress("oncall@example.com")]),
        ]
        let notification = try #require(try NotifyFixtures.notifications(1).first)
        var errors: [String] = []
        for sink in sinks {
            let message = try sink.render(notification)
            do { try await sink.deliver(message) } catch { errors.append(error.message) }
            _ = try await store.enqueue(sink: sink.name, payloads: [message], at: Date())
        }
        #expect(errors.count == 4, "every sink failed: \(errors)")
        let recorder = Recorder()
        let delivery = SinkDeliveryService(sinks: sinks, outbox: store, logger: Logger(label: "test") { _ in recorder })
        for sink in sinks { await delivery.deliverDue(sink, now: Date()) }
        let lines = recorder.lines.withLock { $0 }
        #expect(lines.count == 4, "\(lines)")
        let stored = try await store.outbox(status: nil, limit: 10).compactMap(\.lastError)
        for text in errors + lines + stored {
            for secret in [Self.webhookToken, Self.slackPath, "slackS3cretPath", Self.smtpPassword, Self.awsSecret] {
                #expect(!text.contains(secret), "\(secret) leaked in: \(text)")
            }
        }
        try await store.close()
    }
}
