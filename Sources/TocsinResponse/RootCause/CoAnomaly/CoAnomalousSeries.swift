import Foundation
import TocsinCore

/// A series that went anomalous at about the same time as a target anomaly, on the same
/// service or instance.
public struct CoAnomalousSeries: Sendable, Hashable, Codable {
    /// The series.
    public var series: SeriesKey
    /// Whether it shares the target's instance or only its service.
    public var sharedScope: SharedScope
    /// Seconds from the target anomaly to the series' closest anomaly: negative when the
    /// series went anomalous first.
    public var lag: TimeInterval
    /// Leading (a possible cause), simultaneous or lagging.
    public var timing: AnomalyTiming
    /// The highest score among the series' anomalies in the window.
    public var score: Double
    /// How many anomalies the series had in the window.
    public var anomalyCount: Int
    /// The ranking key: score × exp(−|lag| / lag scale) × scope weight.
    public var relevance: Double
    /// One sentence for people, e.g. `latency{…} was anomalous 60 s before the target on the
    /// same instance i-1 (score 0.90): a possible cause`.
    public var explanation: String

    /// Creates an entry.
    public init(series: SeriesKey, sharedScope: SharedScope, lag: TimeInterval, timing: AnomalyTiming, score: Double,
                anomalyCount: Int, relevance: Double, explanation: String) {
        self.series = series
        self.sharedScope = sharedScope
        self.lag = lag
        self.timing = timing
        self.score = score
        self.anomalyCount = anomalyCount
        self.relevance = relevance
        self.explanation = explanation
    }
}
