/// What is known about a series before it streams.
///
/// NAB gives every detector the minimum, maximum and length of the file it is about to
/// score; the service can offer the range of a series' stored history. Detectors that
/// quantize values into a fixed range use these hints and widen the range on the fly
/// when the stream leaves it.
public struct SeriesHints: Sendable, Codable, Hashable {
    /// The smallest value expected, if known.
    public var minimum: Double?
    /// The largest value expected, if known.
    public var maximum: Double?
    /// The number of points expected, if known.
    public var length: Int?

    /// NAB's probationary period for the hinted length: min(⌊0.15·n⌋, 750) points, the
    /// first points NAB does not score; nil without a length.
    public var nabProbation: Int? {
        length.map { min(max(0, $0) * 15 / 100, 750) }
    }

    /// Hints with any of the three known.
    public init(minimum: Double? = nil, maximum: Double? = nil, length: Int? = nil) {
        self.minimum = minimum
        self.maximum = maximum
        self.length = length
    }
}
