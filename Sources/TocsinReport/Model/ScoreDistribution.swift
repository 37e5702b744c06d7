/// The anomaly scores of a set of rows as two histograms: on the score axis itself and on
/// the tail axis that spreads out scores close to 1.
struct ScoreDistribution: Sendable, Equatable {
    /// Scores binned linearly over [0, 1].
    private(set) var linear: ScoreHistogram
    /// Scores binned by their nines.
    private(set) var tail: ScoreHistogram

    /// The distribution of `scores`.
    init(scores: some Collection<Double>) {
        linear = ScoreHistogram(scores: scores, binning: .linear)
        tail = ScoreHistogram(scores: scores, binning: .tail)
    }

    /// The number of scores counted.
    var total: Int { linear.total }

    /// Adds the scores counted in `other`.
    mutating func add(_ other: ScoreDistribution) {
        linear.add(other.linear)
        tail.add(other.tail)
    }
}
