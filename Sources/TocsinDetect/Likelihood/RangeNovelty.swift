/// Flags a value that leaves everything seen so far by more than a tolerance, a
/// fraction of the range seen so far: a new high or low, which any metric's owner
/// wants to hear about whatever a model of its recent shape says. (Numenta's NAB
/// detector calls this a spatial anomaly.)
public struct RangeNovelty: Sendable, Codable, Hashable {
    /// How far outside the range seen, as a fraction of its width, is novel.
    public let tolerance: Double
    /// Which new extremes count: new highs, new lows, or both.
    public let side: DeviationSide
    private var minimum: Double?
    private var maximum: Double?

    /// A tracker that has seen nothing yet.
    public init(tolerance: Double = 0.05, side: DeviationSide = .both) {
        self.tolerance = tolerance
        self.side = side
    }

    /// Whether `value` is novel against the range before it. Does not learn it.
    public func isNovel(_ value: Double) -> Bool {
        guard let minimum, let maximum, minimum != maximum, value.isFinite else { return false }
        let margin = (maximum - minimum) * tolerance
        let high = value > maximum + margin, low = value < minimum - margin
        switch side {
        case .up: return high
        case .down: return low
        case .both: return high || low
        }
    }

    /// Widens the range to include `value`.
    public mutating func learn(_ value: Double) {
        guard value.isFinite else { return }
        minimum = min(minimum ?? value, value)
        maximum = max(maximum ?? value, value)
    }
}
