import TocsinCore
import TocsinStore

/// Several observers behind one: each call goes to all of them, in order.
public struct PipelineObservers: PipelineObserver {
    private let observers: [any PipelineObserver]

    /// Creates the fan-out.
    public init(_ observers: [any PipelineObserver]) {
        self.observers = observers
    }

    public func detected(points: Int, anomalies: Int, duration: Duration) {
        for observer in observers { observer.detected(points: points, anomalies: anomalies, duration: duration) }
    }

    public func scored(series: SeriesKey, score: Double) {
        for observer in observers { observer.scored(series: series, score: score) }
    }

    public func scored(_ scores: [(key: SeriesKey, record: ScoreRecord)]) {
        for observer in observers { observer.scored(scores) }
    }

    public func opened(_ incident: Incident) {
        for observer in observers { observer.opened(incident) }
    }

    public func updated(_ incident: Incident) {
        for observer in observers { observer.updated(incident) }
    }

    public func resolved(_ incident: Incident) {
        for observer in observers { observer.resolved(incident) }
    }
}
