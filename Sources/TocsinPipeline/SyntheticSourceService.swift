import Foundation
import Logging
import ServiceLifecycle
import TocsinCore
import TocsinSources
import TocsinStore

/// Feeds the synthetic cloud into Tocsin on a wall-clock schedule: each tick's points go
/// through the ``Ingestor`` (as pushed points would) and its logs to the store. Simulated
/// time starts `start` and advances `tickSeconds` per tick; the pause between ticks is
/// drawn between the minimum and maximum interval. Stops after the last tick or on
/// graceful shutdown.
public struct SyntheticSourceService: Service {
    private let cloud: SyntheticCloud
    private let ingestor: Ingestor
    private let start: Date
    private let interval: ClosedRange<Duration>
    private let onTick: @Sendable (Int) async -> Void
    private let logger: Logger

    /// Creates the source.
    public init(cloud: SyntheticCloud, ingestor: Ingestor, start: Date, interval: ClosedRange<Duration>,
                onTick: @escaping @Sendable (Int) async -> Void = { _ in }, logger: Logger = Logger(label: "tocsin.synthetic")) {
        self.cloud = cloud
        self.ingestor = ingestor
        self.start = start
        self.interval = interval
        self.onTick = onTick
        self.logger = logger
    }

    public func run() async throws {
        var jitter = SeededGenerator(seed: cloud.configuration.seed ^ 0x5EED)
        for index in 0..<cloud.configuration.totalTicks {
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
            try await emit(tick: index)
            await onTick(index)
            let low = Double(interval.lowerBound.components.attoseconds) * 1e-18 + Double(interval.lowerBound.components.seconds)
            let high = Double(interval.upperBound.components.attoseconds) * 1e-18 + Double(interval.upperBound.components.seconds)
            try? await Task.sleep(for: .seconds(low + (high - low) * jitter.nextUnit()))
        }
    }

    private func emit(tick index: Int) async throws {
        var points: [(key: SeriesKey, point: Point)] = []
        var logs: [LogRecord] = []
        for event in cloud.tick(index, start: start) {
            switch event {
            case .point(let key, let point): points.append((key, point))
            case .log(let record): logs.append(record)
            }
        }
        try await ingestor.ingest(logs)
        do {
            try await ingestor.ingestWhenRoom(points)
        } catch {
            logger.error("synthetic tick \(index) was not stored: \(error)")
        }
    }
}
