import Foundation

/// A point whose score crossed its detector's threshold.
public struct Anomaly: Sendable, Hashable, Codable {
    /// The series the point belongs to.
    public var series: SeriesKey
    /// When the anomalous value was observed.
    public var timestamp: Date
    /// The observed value.
    public var value: Double
    /// The detector's score for the value (higher is more anomalous).
    public var score: Double
    /// The threshold the score reached.
    public var threshold: Double
    /// The name of the detector that scored the value.
    public var detector: String

    /// Creates an anomaly.
    public init(series: SeriesKey, timestamp: Date, value: Double, score: Double, threshold: Double, detector: String) {
        self.series = series
        self.timestamp = timestamp
        self.value = value
        self.score = score
        self.threshold = threshold
        self.detector = detector
    }
}
