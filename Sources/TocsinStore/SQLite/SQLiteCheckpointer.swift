import Foundation
import GRDB

/// Copies the write-ahead log into the database file in the background, on a connection
/// of its own, so that ingest transactions do not pay for checkpoints (a copy of up to
/// thousands of pages and two fsyncs, otherwise run by the commit that crosses SQLite's
/// auto-checkpoint threshold). Passive checkpoints never block the writer or readers.
final class SQLiteCheckpointer: Sendable {
    /// How often the log is checkpointed.
    static let interval = Duration.milliseconds(100)

    /// The writer's own auto-checkpoint threshold, in pages: a fallback that bounds the
    /// log should background checkpoints fall behind.
    static let fallbackPages = 16_384

    private let connection: DatabaseQueue
    private let task: Task<Void, Never>

    /// Opens a connection on the database at `path` and starts checkpointing.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "tocsin.checkpoint"
        configuration.busyMode = .timeout(10)
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        self.connection = connection
        task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.interval)
                // A failed checkpoint (e.g. the database is busy) is simply retried at the next tick.
                _ = try? await connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            }
        }
    }

    deinit {
        task.cancel()
    }

    /// Stops checkpointing and closes the connection.
    func stop() async throws {
        task.cancel()
        await task.value
        try connection.close()
    }
}
