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
    /// A new incident opened (it has its identifier, and its anomalies are linked to it).
    func opened(_ incident: Incident)
    /// An open incident took more anomalies.
    func updated(_ incident: Incident)
    /// An incident ended: no anomaly in its scope for the incident gap.
    func resolved(_ incident: Incident)
}

extension PipelineObserver {
    /// Ignores scores one by one (the latest of each series still comes to ``scored(series:score:)``).
    public func scored(_ scores: [(key: SeriesKey, record: ScoreRecord)]) {}

    /// Ignores new incidents.
    public func opened(_ incident: Incident) {}

    /// Ignores incident updates.
    public func updated(_ incident: Incident) {}

    /// Ignores ended incidents.
    public func resolved(_ incident: Incident) {}
}
