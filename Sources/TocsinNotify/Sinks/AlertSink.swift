import Foundation
import TocsinResponse

/// Somewhere alerts go: a chat webhook, Alertmanager, an SNS topic, a mailbox, the console.
///
/// A sink renders each notification into its own message once, when it is queued in the
/// store's outbox, and delivers the stored message later, as many times as it takes.
public protocol AlertSink: Sendable {
    /// The sink's configured name; routes name it as their receiver.
    var name: String { get }
    /// The message for `notification`, as stored in the outbox.
    func render(_ notification: AlertNotification) throws(SinkFailure) -> Data
    /// Sends a rendered message; a retryable failure is tried again later.
    func deliver(_ message: Data) async throws(SinkFailure)
}
