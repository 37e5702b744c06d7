import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TocsinCore
import TocsinDetect
import TocsinStore

/// Live detection: stored points are queued here, scored by per-series detectors on
/// sharded actors, and their scores, anomalies and incidents are written to the store.
///
/// The queue is bounded in points. Ingest first ``reserve(_:)``s room, then stores the
/// points, then ``enqueue(_:)``s them; when there is no room it answers 429, so nothing
/// accepted is ever dropped. Run as a `Service`: on graceful shutdown the queue is
/// drained and every model is saved.
public final class DetectionEngine: Service, Sendable {
    private let store: any TocsinStore
    private let shards: [DetectionShard]
    private let capacity: Int
    private let pending = Mutex(0)
    private let ready = Mutex(false)
    /// Stored points waiting for detection, in arrival order.
    private let queue = Mutex<[IncomingPoint]>([])
    /// Wakes the detection loop when points arrive (or ends it on shutdown).
    private let wakeUps: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let observer: (any PipelineObserver)?
    private let incidentGap: TimeInterval
    private let saveInterval: Duration
    private let logger: Logger

    /// Creates the engine.
    /// - Parameters:
    ///   - capacity: the most points waiting for detection before ingest is refused.
    ///   - shards: how many actors share the series.
    ///   - incidentGap: see ``IncidentTracker``.
    ///   - saveInterval: models that learned anything are saved this often (and at shutdown),
    ///     which bounds what a crash can cost without re-encoding busy models on every batch.
    public init(store: any TocsinStore, factory: DetectorFactory, capacity: Int = 1_000_000, shards: Int = 8,
                incidentGap: TimeInterval = 600, saveInterval: Duration = .seconds(60), observer: (any PipelineObserver)? = nil,
                logger: Logger = Logger(label: "tocsin.detection")) {
        self.store = store
        self.shards = (0..<max(shards, 1)).map { _ in DetectionShard(factory: factory) }
        self.capacity = capacity
        self.observer = observer
        self.incidentGap = incidentGap
        self.saveInterval = saveInterval
        self.logger = logger
        (wakeUps, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Whether saved models have been restored and detection is running.
    public var isReady: Bool { ready.withLock { $0 } }

    /// Points waiting for detection.
    public var backlog: Int { pending.withLock { $0 } }

    /// Reserves room for `count` points; false when the queue is full.
    public func reserve(_ count: Int) -> Bool {
        pending.withLock { waiting in
            guard waiting + count <= capacity || waiting == 0 else { return false }
            waiting += count
            return true
        }
    }

    /// Gives back room reserved for points that were not stored after all.
    public func release(_ count: Int) {
        pending.withLock { $0 = max(0, $0 - count) }
    }

    /// Queues stored points for detection; their room must have been reserved.
    public func enqueue(_ points: [IncomingPoint]) {
        guard !points.isEmpty else { return }
        queue.withLock { $0 += points }
        wake.yield()
    }

    /// The most points detected as one unit: everything queued, up to this many, is taken
    /// at once, so that under load the per-batch costs (store round trips, model saves)
    /// are shared by many requests.
    static let largestUnit = 50_000

    private func takeQueued() -> [IncomingPoint] {
        queue.withLock { waiting in
            guard waiting.count > Self.largestUnit else {
                defer { waiting = [] }
                return waiting
            }
            let unit = Array(waiting.prefix(Self.largestUnit))
            waiting.removeFirst(Self.largestUnit)
            return unit
        }
    }

    /// The latest analysis of every series, ordered by series.
    public func analyses() async -> [SeriesAnalysis] {
        var all: [SeriesAnalysis] = []
        for shard in shards { all += await shard.analyses() }
        return all.sorted { $0.series < $1.series }
    }

    public func run() async throws {
        try await restoreModels()
        ready.withLock { $0 = true }
        var loop = LoopState(tracker: IncidentTracker(gap: incidentGap), lastSave: ContinuousClock.now)
        await withGracefulShutdownHandler {
            for await _ in wakeUps {
                await detectQueued(&loop)
            }
        } onGracefulShutdown: { [wake] in
            wake.finish()
        }
        // Points stored before shutdown but not yet detected.
        await detectQueued(&loop)
        try await saveModels(minimumNewPoints: 1)
        ready.withLock { $0 = false }
    }

    /// What the detection loop carries from one unit to the next.
    private struct LoopState {
        var tracker: IncidentTracker
        var lastSave: ContinuousClock.Instant
        /// The shard of every series seen, by series identifier.
        var shardOf: [Int64: Int] = [:]
    }

    /// Detects everything queued, a unit at a time, and saves models when they are due.
    private func detectQueued(_ loop: inout LoopState) async {
        while true {
            let batch = takeQueued()
            guard !batch.isEmpty else { return }
            do {
                try await detect(batch, loop: &loop)
                if ContinuousClock.now - loop.lastSave >= saveInterval {
                    try await saveModels(minimumNewPoints: 1)
                    loop.lastSave = ContinuousClock.now
                }
            } catch {
                logger.error("detection of \(batch.count) points failed: \(error)")
            }
            release(batch.count)
        }
    }

    /// Detects one batch: shards in parallel, then scores, anomalies and incidents stored.
    private func detect(_ batch: [IncomingPoint], loop: inout LoopState) async throws {
        let clock = ContinuousClock()
        let started = clock.now
        var groups = [[IncomingPoint]](repeating: [], count: shards.count)
        for point in batch {
            let shard: Int
            if let known = loop.shardOf[point.series] {
                shard = known
            } else {
                shard = shardIndex(of: point.key)
                loop.shardOf[point.series] = shard
            }
            groups[shard].append(point)
        }
        let outcome = await withTaskGroup(of: DetectionOutcome.self) { group in
            for (index, points) in groups.enumerated() where !points.isEmpty {
                group.addTask { await self.shards[index].process(points) }
            }
            var merged = DetectionOutcome()
            for await part in group { merged.merge(part) }
            return merged
        }
        try await store.appendScores(outcome.scores)
        let anomalies = outcome.anomalies.sorted { $0.anomaly.timestamp < $1.anomaly.timestamp }
        if !anomalies.isEmpty {
            try await recordIncidents(for: try await store.appendAnomalies(anomalies), tracker: &loop.tracker)
        }
        if let latest = batch.map(\.point.timestamp).max() {
            for incident in loop.tracker.expire(now: latest) {
                _ = try await store.saveIncident(incident)
                observer?.resolved(incident)
            }
        }
        if let observer {
            observer.detected(points: outcome.scores.count, anomalies: anomalies.count, duration: clock.now - started)
            // Shards return scores in their own order; the last score of each series is its latest.
            var keys: [Int64: SeriesKey] = [:]
            for point in batch { keys[point.series] = point.key }
            var latestScores: [Int64: Double] = [:]
            for score in outcome.scores { latestScores[score.series] = score.score }
            for (series, score) in latestScores { if let key = keys[series] { observer.scored(series: key, score: score) } }
            observer.scored(outcome.scores.compactMap { record in keys[record.series].map { (key: $0, record: record) } })
        }
    }

    private func recordIncidents(for stored: [AnomalyRecord], tracker: inout IncidentTracker) async throws {
        let update = tracker.record(stored.map(\.anomaly))
        for incident in update.resolved {
            _ = try await store.saveIncident(incident)
            observer?.resolved(incident)
        }
        var identifiers: [String: Int64] = [:]
        var opened: [Incident] = []
        var updated: [Incident] = []
        for (scope, incident) in update.changed {
            let id = try await store.saveIncident(incident)
            tracker.stored(scope: scope, id: id)
            identifiers[scope] = id
            var saved = incident
            saved.id = id
            if incident.id == 0 { opened.append(saved) } else { updated.append(saved) }
        }
        var members: [Int64: [Int64]] = [:]
        for (record, scope) in zip(stored, update.scopes) {
            if let id = identifiers[scope] { members[id, default: []].append(record.id) }
        }
        for (incident, anomalies) in members { try await store.assign(anomalies: anomalies, to: incident) }
        // Observers hear of incidents once their anomalies are linked, so they can read them.
        for incident in opened { observer?.opened(incident) }
        for incident in updated { observer?.updated(incident) }
    }

    /// The shard that owns a series: chosen by its labels, so that the series of one
    /// instance, which may be each other's context, share a shard.
    private func shardIndex(of key: SeriesKey) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        }
        if key.labels.isEmpty { mix(key.name) }
        for label in key.labels {
            mix(label.name)
            mix(label.value)
        }
        return Int(hash % UInt64(shards.count))
    }

    private func saveModels(minimumNewPoints: Int) async throws {
        let now = Date()
        for shard in shards {
            for model in await shard.modelsToSave(minimumNewPoints: minimumNewPoints, now: now) {
                try await store.saveModel(model)
            }
        }
    }

    private func restoreModels() async throws {
        let models = try await store.loadModels()
        guard !models.isEmpty else { return }
        var keys: [Int64: SeriesKey] = [:]
        for series in try await store.allSeries() { keys[series.id] = series.key }
        var restored = 0
        for model in models {
            guard let key = keys[model.series] else { continue }
            let shard = shards[shardIndex(of: key)]
            if await shard.restore(model, key: key) { restored += 1 }
        }
        logger.info("restored \(restored) of \(models.count) saved models")
    }
}
