import Foundation
import PostgresNIO

/// ``TocsinStore`` on a PostgreSQL database, through a pooled `PostgresClient`.
///
/// The store owns the task that runs the client; ``close()`` cancels it and waits for
/// the connections to close. Every write is one statement or one transaction,
/// committed with the server's `synchronous_commit` before the call returns.
public final class PostgresStore: TocsinStore {
    let settings: PostgresSettings
    let client: PostgresClient
    let logger: Logger
    let cache = SeriesCache()
    private let runner: Task<Void, Never>

    /// Creates the store and starts its connection pool. No connection is made until the
    /// first query; call ``migrate()`` (which connects directly, so an unreachable
    /// server fails at once) before use. ``StoreFactory/open(url:)`` does both.
    public init(settings: PostgresSettings) {
        self.settings = settings
        var logger = Logger(label: "tocsin.store.postgres")
        // The pool narrates connection churn (e.g. a connection cut short by close()) at
        // info level; only warnings and errors are worth the service's log.
        logger.logLevel = .warning
        self.logger = logger
        let client = PostgresClient(configuration: settings.clientConfiguration(), backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    /// Creates or upgrades the schema (see ``PostgresSchema``), holding an advisory
    /// lock so that concurrent openers migrate once.
    public func migrate() async throws {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try settings.connectionConfiguration(), id: 0, logger: logger
            )
        } catch {
            throw StoreError(.unavailable, "cannot connect to \(settings): \(PostgresErrors.describe(error))")
        }
        do {
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                try await PostgresMigrator.migrate(connection, logger: logger)
            }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw PostgresErrors.storeError(error, context: "cannot migrate \(settings)")
        }
    }

    /// A store released without ``close()`` still stops its pool, without waiting.
    deinit {
        runner.cancel()
    }

    /// Stops the connection pool and waits for its connections to close.
    public func close() async throws {
        runner.cancel()
        await runner.value
    }

    /// Runs `query` on a pooled connection and decodes every row with `decode`.
    func fetch<T>(_ query: PostgresQuery, _ decode: (PostgresRow) throws -> T) async throws -> [T] {
        do {
            var results: [T] = []
            for try await row in try await client.query(query, logger: logger) {
                results.append(try decode(row))
            }
            return results
        } catch {
            throw PostgresErrors.storeError(error, context: "PostgreSQL")
        }
    }

    /// Runs `query`, which returns one row of one BIGINT (e.g. a count).
    func fetchCount(_ query: PostgresQuery) async throws -> Int {
        let counts = try await fetch(query) { try $0.decode(Int64.self) }
        return Int(counts.first ?? 0)
    }

    /// Runs `body` in one transaction on a pooled connection.
    func transaction<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                try await PostgresTransaction.run(on: connection, logger: logger, body)
            }
        } catch {
            throw PostgresErrors.storeError(error, context: "PostgreSQL")
        }
    }
}
