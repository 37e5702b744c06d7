import PostgresNIO

/// BEGIN … COMMIT around a closure, rolling back when it throws and rethrowing its
/// error unchanged (so a ``StoreError`` thrown inside keeps its kind).
enum PostgresTransaction {
    /// Runs `body` in a transaction on `connection`.
    static func run<T>(
        on connection: PostgresConnection, logger: Logger, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await connection.query("BEGIN", logger: logger)
        do {
            let result = try await body(connection)
            try await connection.query("COMMIT", logger: logger)
            return result
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// Runs `query` on `connection` inside a transaction and decodes every row.
    static func fetch<T>(
        _ query: PostgresQuery, on connection: PostgresConnection, logger: Logger,
        _ decode: (PostgresRow) throws -> T
    ) async throws -> [T] {
        var results: [T] = []
        for try await row in try await connection.query(query, logger: logger) {
            results.append(try decode(row))
        }
        return results
    }
}
