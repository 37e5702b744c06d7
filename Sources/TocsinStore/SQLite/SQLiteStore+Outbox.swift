import Foundation
import GRDB

extension SQLiteStore {
    public func enqueue(sink: String, payloads: [Data], at now: Date) async throws -> [OutboxRecord] {
        let at = EpochMilliseconds.from(now)
        return try await write { db in
            try payloads.map { payload in
                try db.execute(sql: """
                    INSERT INTO outbox (sink, payload, status, attempts, created, next_attempt, updated) VALUES (?, ?, 'pending', 0, ?, ?, ?)
                    """, arguments: [sink, payload, at, at, at])
                return OutboxRecord(id: db.lastInsertedRowID, sink: sink, payload: payload, status: .pending, attempts: 0,
                                    created: EpochMilliseconds.date(at), nextAttempt: EpochMilliseconds.date(at),
                                    updated: EpochMilliseconds.date(at), lastError: nil)
            }
        }
    }

    public func dueOutbox(sink: String, now: Date, limit: Int) async throws -> [OutboxRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.outboxColumns) FROM outbox WHERE sink = ? AND status = 'pending' ORDER BY id LIMIT ?",
                             arguments: [sink, limit]).map(Self.outboxRecord)
        }.prefix { $0.nextAttempt <= now }.map { $0 }
    }

    public func markDelivered(_ id: Int64, at now: Date) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE outbox SET status = 'delivered', attempts = attempts + 1, updated = ?, last_error = NULL WHERE id = ?",
                           arguments: [EpochMilliseconds.from(now), id])
        }
    }

    public func markAttemptFailed(_ id: Int64, at now: Date, error: String, retryAt: Date?) async throws {
        let status = retryAt == nil ? OutboxRecord.Status.failed : .pending
        let next = EpochMilliseconds.from(retryAt ?? now)
        try await write { db in
            try db.execute(sql: """
                UPDATE outbox SET status = ?, attempts = attempts + 1, next_attempt = ?, updated = ?, last_error = ? WHERE id = ?
                """, arguments: [status.rawValue, next, EpochMilliseconds.from(now), error, id])
        }
    }

    public func outbox(status: OutboxRecord.Status?, limit: Int) async throws -> [OutboxRecord] {
        try await read { db in
            if let status {
                return try Row.fetchAll(db, sql: "SELECT \(Self.outboxColumns) FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?",
                                        arguments: [status.rawValue, limit]).map(Self.outboxRecord)
            }
            return try Row.fetchAll(db, sql: "SELECT \(Self.outboxColumns) FROM outbox ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(Self.outboxRecord)
        }
    }

    static let outboxColumns = "id, sink, payload, status, attempts, created, next_attempt, updated, last_error"

    static func outboxRecord(_ row: Row) throws -> OutboxRecord {
        let statusText = try row.decode(String.self, atIndex: 3)
        guard let status = OutboxRecord.Status(rawValue: statusText) else {
            throw StoreError(.unavailable, "stored outbox status '\(statusText)' is unknown")
        }
        return OutboxRecord(
            id: try row.decode(Int64.self, atIndex: 0), sink: try row.decode(String.self, atIndex: 1),
            payload: try row.decode(Data.self, atIndex: 2), status: status, attempts: try row.decode(Int.self, atIndex: 4),
            created: EpochMilliseconds.date(try row.decode(Int64.self, atIndex: 5)),
            nextAttempt: EpochMilliseconds.date(try row.decode(Int64.self, atIndex: 6)),
            updated: EpochMilliseconds.date(try row.decode(Int64.self, atIndex: 7)), lastError: try row.decode(String?.self, atIndex: 8)
        )
    }
}
