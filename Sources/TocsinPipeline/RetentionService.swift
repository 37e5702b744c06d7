import Foundation
import Logging
import ServiceLifecycle
import TocsinStore

/// Deletes data older than `keep` every `every` (the first time at once): points,
/// scores, logs and anomalies; incidents and models stay. Stops on graceful shutdown.
public struct RetentionService: Service {
    private let store: any TocsinStore
    private let keep: TimeInterval
    private let every: Duration
    private let now: @Sendable () -> Date
    private let logger: Logger

    /// Creates the service.
    public init(store: any TocsinStore, keep: TimeInterval, every: Duration = .seconds(3_600),
                now: @escaping @Sendable () -> Date = Date.init, logger: Logger = Logger(label: "tocsin.retention")) {
        self.store = store
        self.keep = keep
        self.every = every
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let removed = try await store.deleteOlderThan(now().addingTimeInterval(-keep))
                if removed > 0 { logger.info("retention removed \(removed) rows older than \(Int(keep)) s") }
            } catch {
                logger.error("retention failed: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: every) }
        }
    }
}
