import Foundation
import Logging
import ServiceLifecycle
import TocsinStore

/// Delivers each sink's queued messages from the store's outbox, oldest first: a message
/// is marked delivered only once the sink took it, tried again on a retryable failure
/// (after a ``RetrySchedule`` pause, keeping the sink's order), and given up when the sink
/// refuses it for good. Nothing is lost while a sink is down or Tocsin restarts.
public struct SinkDeliveryService: Service {
    private let sinks: [any AlertSink]
    private let outbox: any OutboxRepository
    private let schedule: RetrySchedule
    private let pollInterval: Duration
    private let logger: Logger
    private let onOutcome: @Sendable (_ sink: String, _ outcome: String) -> Void

    /// A service delivering to `sinks` from `outbox`, looking for due messages every `pollInterval`;
    /// `onOutcome` hears of each attempt (`delivered`, `retried` or `failed`), for metrics.
    public init(sinks: [any AlertSink], outbox: any OutboxRepository, schedule: RetrySchedule = RetrySchedule(),
                pollInterval: Duration = .milliseconds(500), logger: Logger = Logger(label: "tocsin.delivery"),
                onOutcome: @escaping @Sendable (_ sink: String, _ outcome: String) -> Void = { _, _ in }) {
        self.sinks = sinks
        self.outbox = outbox
        self.schedule = schedule
        self.pollInterval = pollInterval
        self.logger = logger
        self.onOutcome = onOutcome
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            for sink in sinks {
                group.addTask {
                    while !Task.isCancelled, !Task.isShuttingDownGracefully {
                        if await deliverDue(sink, now: Date()) == 0 {
                            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
                        }
                    }
                    _ = await deliverDue(sink, now: Date())
                }
            }
        }
    }

    /// Delivers the messages of `sink` due by `now`, in order, stopping at the first that
    /// should be tried again later; returns how many were delivered.
    @discardableResult
    public func deliverDue(_ sink: any AlertSink, now: Date) async -> Int {
        let due: [OutboxRecord]
        do { due = try await outbox.dueOutbox(sink: sink.name, now: now, limit: 50) } catch {
            logger.error("cannot read the outbox of \(sink.name): \(error)")
            return 0
        }
        var delivered = 0
        for record in due {
            do {
                try await sink.deliver(record.payload)
                try await outbox.markDelivered(record.id, at: Date())
                onOutcome(sink.name, "delivered")
                delivered += 1
            } catch let failure as SinkFailure {
                let retryAt = failure.retryable ? Date().addingTimeInterval(schedule.delay(afterAttempt: record.attempts + 1)) : nil
                try? await outbox.markAttemptFailed(record.id, at: Date(), error: failure.message, retryAt: retryAt)
                onOutcome(sink.name, retryAt == nil ? "failed" : "retried")
                if let retryAt {
                    logger.warning("\(sink.name) did not take message \(record.id) (attempt \(record.attempts + 1)), tried again at \(retryAt): \(failure.message)")
                    break
                }
                logger.error("\(sink.name) refused message \(record.id) for good: \(failure.message)")
            } catch {
                logger.error("cannot record the delivery of message \(record.id) to \(sink.name): \(error)")
                break
            }
        }
        return delivered
    }
}
