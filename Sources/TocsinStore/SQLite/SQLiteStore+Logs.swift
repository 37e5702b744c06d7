import Foundation
import GRDB
import TocsinCore

extension SQLiteStore {
    /// Stores `records` in one transaction.
    public func appendLogs(_ records: [LogRecord]) async throws {
        guard !records.isEmpty else { return }
        let rows = try records.map { StoredLog(record: $0, fields: try CanonicalJSON.encode($0.fields)) }
        try await write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO logs (ts, service, instance, level, message, fields) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for row in rows {
                let record = row.record
                try insert.execute(arguments: [
                    EpochMilliseconds.from(record.timestamp), record.service, record.instance,
                    record.level.rawValue, record.message, row.fields,
                ])
            }
        }
    }

    /// Records in `[from, to)`, optionally of one service and/or instance, oldest first.
    public func logs(from: Date, to: Date, service: String?, instance: String?, limit: Int) async throws -> [LogRecord] {
        var sql = "SELECT ts, service, instance, level, message, fields FROM logs WHERE ts >= ? AND ts < ?"
        var arguments: StatementArguments = [EpochMilliseconds.from(from), EpochMilliseconds.from(to)]
        if let service {
            sql += " AND service = ?"
            arguments += [service]
        }
        if let instance {
            sql += " AND instance = ?"
            arguments += [instance]
        }
        sql += " ORDER BY ts, id LIMIT ?"
        arguments += [max(0, limit)]
        let query = (sql, arguments)
        return try await read { db in
            try Row.fetchAll(db.cachedStatement(sql: query.0), arguments: query.1).map { row in
                try StoredLog.decode(
                    timestamp: try row.decode(Int64.self, atIndex: 0),
                    service: try row.decode(String.self, atIndex: 1),
                    instance: try row.decode(String.self, atIndex: 2),
                    level: try row.decode(String.self, atIndex: 3),
                    message: try row.decode(String.self, atIndex: 4),
                    fields: try row.decode(String.self, atIndex: 5)
                )
            }
        }
    }
}
