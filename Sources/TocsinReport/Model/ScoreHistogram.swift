/// Counts of anomaly scores in equal-width bins along a ``Binning`` of [0, 1].
struct ScoreHistogram: Sendable, Equatable {
    /// The number of bins used unless told otherwise.
    static let defaultBinCount = 32

    /// How scores map to bins.
    let binning: Binning
    /// The count of each bin; bin `i` holds the positions in `[i/n, (i+1)/n)`, the last bin also 1.
    private(set) var counts: [Int]

    /// Bins `scores`; NaN scores are left out, others are clamped to [0, 1].
    init(scores: some Sequence<Double>, binning: Binning = .linear, binCount: Int = defaultBinCount) {
        self.binning = binning
        counts = [Int](repeating: 0, count: binCount)
        for score in scores where !score.isNaN {
            counts[bin(of: score)] += 1
        }
    }

    /// The number of bins.
    var binCount: Int { counts.count }

    /// The largest bin count.
    var largestCount: Int { counts.max() ?? 0 }

    /// The number of scores counted.
    var total: Int { counts.reduce(0, +) }

    /// The bin that `score` falls in.
    func bin(of score: Double) -> Int {
        min(Int(binning.position(of: score) * Double(binCount)), binCount - 1)
    }

    /// The lowest score of bin `index`.
    func lowestScore(ofBin index: Int) -> Double {
        binning.score(at: Double(index) / Double(binCount))
    }

    /// Adds the counts of `other`, which must have the same binning and as many bins.
    mutating func add(_ other: ScoreHistogram) {
        for index in counts.indices {
            counts[index] += other.counts[index]
        }
    }
}
