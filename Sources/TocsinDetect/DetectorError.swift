/// An error raised by a detector: bad configuration, unusable input or an
/// incompatible model artifact. Its description is one line a user can act on.
public struct DetectorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// Creates an error with a one-line message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
