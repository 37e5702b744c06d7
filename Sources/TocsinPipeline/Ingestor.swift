import Foundation
import TocsinCore
import TocsinStore

/// The one way points enter Tocsin, for HTTP push and built-in sources alike: reserve
/// room in the detection queue, resolve series, store durably, then queue for detection.
public struct Ingestor: Sendable {
    /// Why a batch was not accepted.
    public enum Refusal: Error, Sendable {
        /// Detection is too far behind; retry later.
        case queueFull(backlog: Int)
        /// Creating the batch's new series would pass the store's series limit.
        case seriesLimit(String)
        /// The store failed; nothing was accepted.
        case storeFailed(any Error)
    }

    /// The store.
    public let store: any TocsinStore
    /// The detection engine.
    public let engine: DetectionEngine
    /// The most distinct series the store may hold.
    public let maxSeries: Int
    /// Told of everything stored.
    public let observer: (any IngestObserver)?

    /// Creates an ingestor.
    public init(store: any TocsinStore, engine: DetectionEngine, maxSeries: Int, observer: (any IngestObserver)? = nil) {
        self.store = store
        self.engine = engine
        self.maxSeries = maxSeries
        self.observer = observer
    }

    /// Stores log records (and tells the observer).
    public func ingest(_ records: [LogRecord]) async throws {
        guard !records.isEmpty else { return }
        try await store.appendLogs(records)
        observer?.ingested(records)
    }

    /// Stores the points and queues them for detection. Returns how many were new
    /// (points already stored are ignored). Nothing is stored when this throws.
    @discardableResult
    public func ingest(_ points: [(key: SeriesKey, point: Point)], now: Date = Date()) async throws(Refusal) -> Int {
        guard !points.isEmpty else { return 0 }
        guard engine.reserve(points.count) else { throw .queueFull(backlog: engine.backlog) }
        let incoming: [IncomingPoint]
        let stored: Int
        do {
            let identifiers = try await store.resolveSeries(Array(Set(points.map(\.key))), now: now, limit: maxSeries)
            incoming = points.compactMap { key, point in identifiers[key].map { IncomingPoint(key: key, series: $0, point: point) } }
            stored = try await store.appendPoints(incoming.map { PointRecord(series: $0.series, timestamp: $0.point.timestamp, value: $0.point.value) })
        } catch let error as StoreError where error.kind == .cardinality {
            engine.release(points.count)
            throw .seriesLimit(error.message)
        } catch {
            engine.release(points.count)
            throw .storeFailed(error)
        }
        engine.release(points.count - incoming.count)
        engine.enqueue(incoming)
        observer?.ingested(points)
        return stored
    }

    /// ``ingest(_:now:)`` for built-in sources, which have nobody to answer 429 to: while
    /// the detection queue is full it waits and retries, so nothing is dropped; other
    /// refusals are thrown. Gives up, storing nothing, when the task is cancelled.
    @discardableResult
    public func ingestWhenRoom(_ points: [(key: SeriesKey, point: Point)]) async throws(Refusal) -> Int {
        while true {
            do {
                return try await ingest(points)
            } catch {
                guard case .queueFull = error, !Task.isCancelled else { throw error }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}
