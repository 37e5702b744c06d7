import Foundation
import PostgresNIO
import TocsinCore

extension PostgresStore {
    /// Stores `records` in one statement.
    public func appendLogs(_ records: [LogRecord]) async throws {
        guard !records.isEmpty else { return }
        let fields = try records.map { try CanonicalJSON.encode($0.fields) }
        _ = try await fetch("""
            INSERT INTO logs (ts, service, instance, level, message, fields)
            SELECT ts, service, instance, level, message, fields FROM UNNEST(
                \(records.map { EpochMilliseconds.from($0.timestamp) })::int8[], \(records.map(\.service))::text[],
                \(records.map(\.instance))::text[], \(records.map(\.level.rawValue))::text[],
                \(records.map(\.message))::text[], \(fields)::text[]
            ) WITH ORDINALITY AS batch (ts, service, instance, level, message, fields, position)
            ORDER BY position
            """) { _ in }
    }

    /// Records in `[from, to)`, optionally of one service and/or instance, oldest first.
    public func logs(from: Date, to: Date, service: String?, instance: String?, limit: Int) async throws -> [LogRecord] {
        var query: PostgresQuery = """
            SELECT ts, service, instance, level, message, fields FROM logs
            WHERE ts >= \(EpochMilliseconds.from(from)) AND ts < \(EpochMilliseconds.from(to))
            """
        if let service {
            query.sql += " AND service = $\(query.binds.count + 1)"
            query.binds.append(service)
        }
        if let instance {
            query.sql += " AND instance = $\(query.binds.count + 1)"
            query.binds.append(instance)
        }
        query.sql += " ORDER BY ts, id LIMIT $\(query.binds.count + 1)"
        query.binds.append(Int64(max(0, limit)))
        return try await fetch(query) { row in
            let (ts, service, instance, level, message, fields) = try row.decode(
                (Int64, String, String, String, String, String).self
            )
            return try StoredLog.decode(
                timestamp: ts, service: service, instance: instance, level: level, message: message, fields: fields
            )
        }
    }
}
