/// Turns scores into decisions. Kept apart from detectors so that any detector can
/// be paired with any decision rule.
public protocol Thresholder: Sendable, Codable {
    /// The score at or above which a point is anomalous.
    var threshold: Double { get }
    /// Lets adaptive thresholders follow the score distribution; fixed ones ignore it.
    mutating func observe(_ score: Double)
}

extension Thresholder {
    /// Whether `score` reaches the current threshold.
    public func isAnomalous(_ score: Double) -> Bool {
        score >= threshold
    }

    /// Decides on `score` with the current threshold, then observes it.
    public mutating func decide(_ score: Double) -> Bool {
        let anomalous = isAnomalous(score)
        observe(score)
        return anomalous
    }
}
