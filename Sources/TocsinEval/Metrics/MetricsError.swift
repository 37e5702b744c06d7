/// Why a point-wise metric cannot be computed; ``description`` is one line.
public struct MetricsError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, in words.
    public let reason: String

    /// Creates an error with a reason.
    public init(reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }

    static func lengthMismatch(_ name: String, _ count: Int, labels: Int) -> MetricsError {
        MetricsError(reason: "\(count) \(name) but \(labels) labels; they must pair up one to one")
    }
}
