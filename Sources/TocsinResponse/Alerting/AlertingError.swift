/// An error raised by the alerting core: an invalid matcher, route tree, configuration or silence.
/// Its description is one line a user can act on.
public struct AlertingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// Creates an error with a one-line message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
