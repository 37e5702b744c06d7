/// A constant threshold.
public struct FixedThreshold: Thresholder, Hashable {
    public let threshold: Double

    /// Creates a thresholder that flags scores at or above `threshold`.
    public init(_ threshold: Double) {
        self.threshold = threshold
    }

    public mutating func observe(_ score: Double) {}
}
