/// An adaptive threshold at mean + k·σ of the scores seen so far (Welford's running
/// moments). Until `warmUp` scores have been observed it flags nothing.
public struct MeanSigmaThreshold: Thresholder, Hashable {
    /// How many standard deviations above the mean the threshold sits.
    public let k: Double
    /// Scores to observe before the threshold becomes finite.
    public let warmUp: Int
    private var count = 0
    private var mean = 0.0
    private var sumOfSquares = 0.0

    /// Creates the thresholder; `k` must be positive.
    public init(k: Double, warmUp: Int = 30) throws(DetectorError) {
        guard k > 0, k.isFinite else { throw DetectorError("k must be a positive number, got \(k)") }
        guard warmUp >= 2 else { throw DetectorError("warmUp must be at least 2, got \(warmUp)") }
        self.k = k
        self.warmUp = warmUp
    }

    public var threshold: Double {
        guard count >= warmUp else { return .infinity }
        return mean + k * (sumOfSquares / Double(count - 1)).squareRoot()
    }

    public mutating func observe(_ score: Double) {
        guard score.isFinite else { return }
        count += 1
        let delta = score - mean
        mean += delta / Double(count)
        sumOfSquares += delta * (score - mean)
    }
}
