import Foundation
import TocsinCore

/// The latest detection state of one series, as `GET /analyze` reports it.
public struct SeriesAnalysis: Sendable, Hashable, Codable {
    /// The store's identifier of the series.
    public var id: Int64
    /// The series key.
    public var series: SeriesKey
    /// The detector's name.
    public var detector: String
    /// The latest point's time.
    public var timestamp: Date
    /// The latest value.
    public var value: Double
    /// Its score.
    public var score: Double
    /// The threshold in force.
    public var threshold: Double
    /// Whether the latest score reached the threshold.
    public var anomalous: Bool
    /// Points scored so far.
    public var pointsSeen: Int
    /// The most recent anomalies, newest first.
    public var recentAnomalies: [Anomaly]
}
