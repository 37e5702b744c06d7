/// Why a synthetic cloud cannot be built: an invalid configuration, or a schedule
/// that does not fit the run. Its description is one line a user can act on.
public struct SyntheticCloudError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// Creates an error with a one-line message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
