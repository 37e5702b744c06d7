/// A threshold at a quantile of a calibration sample of scores: with `quantile` 0.99,
/// about 1 % of scores like the calibration ones are flagged.
public struct QuantileThreshold: Thresholder, Hashable {
    public let threshold: Double
    /// The quantile the threshold was taken at.
    public let quantile: Double

    /// Calibrates on `scores`, which must not be empty; `quantile` is in [0, 1].
    public init(calibrationScores scores: [Double], quantile: Double) throws(DetectorError) {
        guard (0...1).contains(quantile) else {
            throw DetectorError("quantile must be in [0, 1], got \(quantile)")
        }
        guard !scores.isEmpty else {
            throw DetectorError("a quantile threshold needs at least one calibration score")
        }
        self.quantile = quantile
        self.threshold = Self.quantile(of: scores.sorted(), at: quantile)
    }

    public mutating func observe(_ score: Double) {}

    /// Linear interpolation between closest ranks (NumPy's default `linear` method).
    static func quantile(of sorted: [Double], at q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
