import Foundation
import Logging
import ServiceLifecycle
import TocsinCore

/// Runs a ``PullSource`` every `interval` (the first pull at once) and ingests what it
/// returns. A failed pull is logged and retried at the next turn; when the detection
/// queue is full, the pulled points wait and are retried rather than dropped. Stops on
/// graceful shutdown.
public struct PullSourceService: Service {
    private let source: any PullSource
    private let ingestor: Ingestor
    private let interval: Duration
    private let logger: Logger

    /// Creates the service; the default interval is five minutes.
    public init(source: any PullSource, ingestor: Ingestor, interval: Duration = .seconds(300),
                logger: Logger = Logger(label: "tocsin.pull")) {
        self.source = source
        self.ingestor = ingestor
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            await pullOnce()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One pull and its ingest.
    func pullOnce() async {
        let points: [(key: SeriesKey, point: Point)]
        do {
            points = try await source.pull()
        } catch {
            logger.error("pull from \(source.name) failed: \(error)")
            return
        }
        for start in stride(from: 0, to: points.count, by: 10_000) where !Task.isCancelled {
            do {
                try await ingestor.ingestWhenRoom(Array(points[start..<min(start + 10_000, points.count)]))
            } catch {
                logger.error("points pulled from \(source.name) were not stored: \(error)")
                return
            }
        }
        if !points.isEmpty { logger.info("pulled \(points.count) points from \(source.name)") }
    }
}
