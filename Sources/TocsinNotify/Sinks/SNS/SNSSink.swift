import Foundation
import TocsinAWS
import TocsinResponse

/// Publishes each notification to an AWS SNS topic (e-mail, SMS, Lambda or chat
/// subscriptions take it from there): the title as the subject, the text as the message.
public struct SNSSink: AlertSink {
    public let name: String
    private let sns: SNSClient
    private let topicARN: String

    /// A sink publishing to `topicARN` through `sns`.
    public init(name: String, sns: SNSClient, topicARN: String) {
        self.name = name
        self.sns = sns
        self.topicARN = topicARN
    }

    public func render(_ notification: AlertNotification) throws(SinkFailure) -> Data {
        let text = NotificationText(notification)
        // SNS subjects are at most 100 ASCII characters without line breaks.
        let subject = String(text.title.unicodeScalars.filter { $0.isASCII && $0.value >= 32 }.prefix(100).map(Character.init))
        return try SinkJSON.encode(SubjectAndText(subject: subject, text: text.body))
    }

    public func deliver(_ message: Data) async throws(SinkFailure) {
        let decoded = try SinkJSON.decode(SubjectAndText.self, message)
        do {
            _ = try await sns.publish(topicARN: topicARN, message: decoded.text, subject: decoded.subject)
        } catch {
            let retryable = [.throttled, .connectionFailed, .connectionLost, .timedOut].contains(error.code)
                || (error.httpStatus ?? 0) >= 500
            throw SinkFailure("SNS \(name): \(error)", retryable: retryable)
        }
    }
}
