import TocsinCore

/// Receives what the pipeline does, for metrics. Calls must be cheap and never block.
public protocol PipelineObserver: Sendable {
    /// A batch was detected: how many points, how many anomalies, and how long it took.
    func detected(points: Int, anomalies: Int, duration: Duration)
    /// The latest score of a series.
    func scored(series: SeriesKey, score: Double)
    /// A new incident opened (it has its identifier).
    func opened(_ incident: Incident)
}

extension PipelineObserver {
    /// Ignores new incidents.
    public func opened(_ incident: Incident) {}
}
