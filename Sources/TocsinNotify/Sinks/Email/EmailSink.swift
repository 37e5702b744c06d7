import Foundation
import TocsinEmail
import TocsinResponse

/// Mails each notification through an SMTP server (STARTTLS and login by default: Gmail
/// with an app password works): the title as the subject, the alert lines as the body. One
/// notification is one message, however many alerts it groups.
public struct EmailSink: AlertSink {
    public let name: String
    private let configuration: SMTPConfiguration
    private let from: EmailAddress
    private let to: [EmailAddress]

    /// A sink sending from `from` to `to` through the server `configuration` describes.
    public init(name: String, configuration: SMTPConfiguration, from: EmailAddress, to: [EmailAddress]) {
        self.name = name
        self.configuration = configuration
        self.from = from
        self.to = to
    }

    public func render(_ notification: AlertNotification) throws(SinkFailure) -> Data {
        let text = NotificationText(notification)
        return try SinkJSON.encode(SubjectAndText(subject: "Tocsin: \(text.title)", text: text.body + "\n\n-- \nSent by Tocsin"))
    }

    public func deliver(_ message: Data) async throws(SinkFailure) {
        let decoded = try SinkJSON.decode(SubjectAndText.self, message)
        let email = EmailMessage(from: from, to: to, subject: decoded.subject, textBody: decoded.text)
        do {
            try await SMTPClient.send(email, configuration: configuration)
        } catch {
            throw SinkFailure("e-mail \(name): \(error)", retryable: error.isTransient)
        }
    }
}
