/// Why a sink did not take a message, and whether trying again later can help (a sink that
/// is down or throttling) or not (a message it refuses).
public struct SinkFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What happened, without secrets (URLs are named by host, never with their path or token).
    public let message: String
    /// Whether another attempt later may succeed.
    public let retryable: Bool

    /// Creates a failure.
    public init(_ message: String, retryable: Bool) {
        self.message = message
        self.retryable = retryable
    }

    public var description: String { message }
}
