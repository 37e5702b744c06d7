import Foundation
import TocsinCore
import TocsinDetect
import TocsinStore

/// What one batch of points produced.
public struct DetectionOutcome: Sendable {
    /// One score per detected point.
    public var scores: [ScoreRecord] = []
    /// The anomalies among them.
    public var anomalies: [AnomalyRecord] = []

    /// Creates an empty outcome.
    public init() {}

    mutating func merge(_ other: DetectionOutcome) {
        scores += other.scores
        anomalies += other.anomalies
    }
}

/// Owns the detectors of a subset of the series (chosen by series identifier), so that
/// series on different shards are detected in parallel and each detector is touched
/// by one task at a time.
actor DetectionShard {
    private let factory: DetectorFactory
    private var states: [Int64: SeriesState] = [:]
    /// The latest value of every series that is some rule's context, by series identifier.
    private var contexts: [Int64: SeriesState.ContextValue] = [:]
    /// The identifiers of the context series seen so far, by key.
    private var contextSeries: [SeriesKey: Int64] = [:]

    init(factory: DetectorFactory) {
        self.factory = factory
    }

    /// Scores then learns each point, in order. Context values in the batch are taken in
    /// first, so that a series sees the context of its own timestamp whatever the order
    /// of the batch; otherwise the latest earlier context value is used.
    func process(_ points: [IncomingPoint]) -> DetectionOutcome {
        let anyContext = !factory.contextNames.isEmpty
        for incoming in points {
            guard ensureState(incoming), anyContext, states[incoming.series]?.isContext == true, incoming.point.value.isFinite else {
                continue
            }
            if let known = contexts[incoming.series], known.timestamp >= incoming.point.timestamp { continue }
            contexts[incoming.series] = .init(timestamp: incoming.point.timestamp, value: incoming.point.value)
        }
        var outcome = DetectionOutcome()
        for incoming in points {
            guard let result = states[incoming.series]?.process(incoming.point, contexts: contexts, contextSeries: contextSeries) else {
                continue
            }
            outcome.scores.append(result.score)
            if let anomaly = result.anomaly {
                outcome.anomalies.append(AnomalyRecord(series: incoming.series, anomaly: anomaly))
            }
        }
        return outcome
    }

    /// Creates the series' state on its first point; false when its detector cannot be built.
    private func ensureState(_ incoming: IncomingPoint) -> Bool {
        if states[incoming.series] != nil { return true }
        guard let made = factory.make(for: incoming.key) else { return false }
        install(SeriesState(id: incoming.series, key: incoming.key, rule: made.rule, detector: made.detector,
                            isContext: factory.contextNames.contains(incoming.key.name)))
        return true
    }

    private func install(_ state: SeriesState) {
        states[state.id] = state
        if state.isContext { contextSeries[state.key] = state.id }
    }

    /// The latest analysis of every series on this shard.
    func analyses() -> [SeriesAnalysis] {
        states.values.compactMap(\.analysis)
    }

    /// Model artifacts of the series that learned at least `minimumNewPoints` points
    /// since their last save (all series with any new point when 1).
    func modelsToSave(minimumNewPoints: Int, now: Date) -> [ModelRecord] {
        var models: [ModelRecord] = []
        for (id, state) in states where state.pointsSinceSave >= max(minimumNewPoints, 1) {
            guard let artifact = try? DetectorCatalog.save(state.detector, threshold: state.detector.defaultThreshold) else {
                continue
            }
            models.append(ModelRecord(series: id, detector: state.detectorName, artifact: artifact, updated: now))
            states[id]?.pointsSinceSave = 0
        }
        return models
    }

    /// Restores saved detectors whose detector still matches the series' configured one.
    func restore(_ model: ModelRecord, key: SeriesKey) -> Bool {
        let rule = factory.rule(for: key)
        guard rule.detector == model.detector, let loaded = try? DetectorCatalog.loadStreaming(model.artifact) else { return false }
        install(SeriesState(id: model.series, key: key, rule: rule, detector: loaded.detector,
                            isContext: factory.contextNames.contains(key.name)))
        return true
    }
}
