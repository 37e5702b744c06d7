/// The resolution of a stream: the smallest non-zero change between consecutive finite
/// values seen so far (1 for counts, 0.1 for values rounded to one decimal).
///
/// Spreads are never taken below it, so that a series of 0s and occasional 1s is not
/// judged against a spread of a small fraction of one.
public struct ValueResolution: Sendable, Codable, Hashable {
    /// The smallest non-zero change seen, 0 until the stream has changed at all.
    public private(set) var step = 0.0
    private var previous: Double?

    /// No values seen.
    public init() {}

    /// Takes the next value into account; non-finite values are ignored.
    public mutating func observe(_ value: Double) {
        guard value.isFinite else { return }
        if let previous, value != previous {
            let change = abs(value - previous)
            step = step == 0 ? change : min(step, change)
        }
        previous = value
    }
}
