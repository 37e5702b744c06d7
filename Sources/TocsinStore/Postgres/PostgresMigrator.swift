import Foundation
import PostgresNIO

/// Applies the ``PostgresSchema`` migrations that `schema_migrations` does not list.
enum PostgresMigrator {
    /// Migrates inside the caller's transaction, under the schema advisory lock.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))", logger: logger)
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied BIGINT NOT NULL)
            """, logger: logger)
        let current = try await PostgresTransaction.fetch(
            "SELECT coalesce(max(version), 0) FROM schema_migrations", on: connection, logger: logger
        ) { try $0.decode(Int32.self) }.first ?? 0
        for migration in PostgresSchema.migrations where migration.version > current {
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            let applied = EpochMilliseconds.from(Date())
            try await connection.query(
                "INSERT INTO schema_migrations (version, applied) VALUES (\(migration.version), \(applied))",
                logger: logger
            )
        }
    }
}
