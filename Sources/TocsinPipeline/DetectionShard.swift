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
    /// The latest value of every series that is some rule's context.
    private var contexts: [SeriesKey: (timestamp: Date, value: Double)] = [:]

    init(factory: DetectorFactory) {
        self.factory = factory
    }

    /// Scores then learns each point, in order. Context values in the batch are taken in
    /// first, so that a series sees the context of its own timestamp whatever the order
    /// of the batch; otherwise the latest earlier context value is used.
    func process(_ points: [IncomingPoint]) -> DetectionOutcome {
        if !factory.contextNames.isEmpty {
            for incoming in points where factory.contextNames.contains(incoming.key.name) && incoming.point.value.isFinite {
                if let known = contexts[incoming.key], known.timestamp >= incoming.point.timestamp { continue }
                contexts[incoming.key] = (incoming.point.timestamp, incoming.point.value)
            }
        }
        var outcome = DetectionOutcome()
        for incoming in points {
            if states[incoming.series] == nil {
                guard let made = factory.make(for: incoming.key) else { continue }
                states[incoming.series] = SeriesState(id: incoming.series, key: incoming.key, rule: made.rule, detector: made.detector)
            }
            let context = states[incoming.series]?.contextKey.flatMap { contexts[$0]?.value }
            guard let result = states[incoming.series]?.process(incoming.point, context: context) else { continue }
            outcome.scores.append(result.score)
            if let anomaly = result.anomaly {
                outcome.anomalies.append(AnomalyRecord(series: incoming.series, anomaly: anomaly))
            }
        }
        return outcome
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
        states[model.series] = SeriesState(id: model.series, key: key, rule: rule, detector: loaded.detector)
        return true
    }
}
