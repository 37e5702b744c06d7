/// A destination for notifications (a chat channel, a pager, a webhook), named by routes.
/// Delivering the notifications is the caller's job; the alerting core only decides what to send.
public struct Receiver: Sendable, Hashable, Codable {
    /// The name routes refer to.
    public var name: String
    /// Whether the receiver is also told when alerts resolve (Alertmanager's `send_resolved`).
    public var sendResolved: Bool

    /// Creates a receiver.
    public init(name: String, sendResolved: Bool = true) {
        self.name = name
        self.sendResolved = sendResolved
    }
}
