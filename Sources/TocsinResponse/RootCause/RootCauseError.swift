/// An error raised by the root-cause analysis, such as a configuration value out of range.
/// Its description is one line a user can act on.
public struct RootCauseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// Creates an error with a one-line message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
