import TocsinCore
import TocsinStore

/// Receives what the pipeline does, for metrics. Calls must be cheap and never block.
public protocol PipelineObserver: Sendable {
    /// A batch was detected: how many points, how many anomalies, and how long it took.
    func detected(points: Int, anomalies: Int, duration: Duration)
    /// The latest score of a series.
    func scored(series: SeriesKey, score: Double)
    /// Every score of a detected batch, each with its series' key.
    func scored(_ scores: [(key: SeriesKey, record: ScoreRecord)])
    /// A new incident opened (it has its identifier).
    func opened(_ incident: Incident)
}

extension PipelineObserver {
    /// Ignores scores one by one (the latest of each series still comes to ``scored(series:score:)``).
    public func scored(_ scores: [(key: SeriesKey, record: ScoreRecord)]) {}

    /// Ignores new incidents.
    public func opened(_ incident: Incident) {}
}
