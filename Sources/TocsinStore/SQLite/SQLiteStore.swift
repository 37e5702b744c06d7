import Foundation
import GRDB
import TocsinCore

/// ``TocsinStore`` on an SQLite file, through a GRDB `DatabasePool` in WAL mode.
///
/// Writes are serialised on the pool's single writer connection, each call in one
/// transaction; reads run concurrently on reader connections; a ``SQLiteCheckpointer``
/// copies the WAL into the database file in the background. `synchronous = NORMAL`
/// makes every committed transaction durable across a process kill (the WAL is
/// synced at checkpoints, so a power loss may drop the last transactions).
public final class SQLiteStore: TocsinStore {
    let pool: DatabasePool
    let cache = SeriesCache()
    private let checkpointer: SQLiteCheckpointer

    /// Opens (creating if needed) the database at `path`. Call ``migrate()`` before use;
    /// ``StoreFactory/open(url:)`` does both.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "tocsin"
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(SQLiteCheckpointer.fallbackPages)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            checkpointer = try SQLiteCheckpointer(path: path)
        } catch {
            throw StoreError(.unavailable, "cannot open SQLite database \(path): \(Self.describe(error))")
        }
    }

    /// Creates or upgrades the schema (see ``SQLiteSchema``).
    public func migrate() async throws {
        do {
            let migrator = SQLiteSchema.migrator
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                migrator.asyncMigrate(pool) { result in continuation.resume(with: result.map { _ in }) }
            }
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Closes every connection. The store cannot be used afterwards.
    public func close() async throws {
        do {
            try await checkpointer.stop()
            try pool.close()
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Runs `updates` in one write transaction, mapping failures to ``StoreError``.
    func write<T: Sendable>(_ updates: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(updates)
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Runs `value` on a reader connection, mapping failures to ``StoreError``.
    func read<T: Sendable>(_ value: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(value)
        } catch {
            throw Self.storeError(error)
        }
    }

    static func storeError(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        return StoreError(.unavailable, "SQLite: \(describe(error))")
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "\(error.message ?? error.resultCode.description) (code \(error.extendedResultCode.rawValue))"
        }
        return String(describing: error)
    }
}
