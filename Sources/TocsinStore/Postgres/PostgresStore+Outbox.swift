import Foundation
import PostgresNIO

extension PostgresStore {
    public func enqueue(sink: String, payloads: [Data], at now: Date) async throws -> [OutboxRecord] {
        guard !payloads.isEmpty else { return [] }
        let at = EpochMilliseconds.from(now)
        let logger = self.logger
        let ids = try await transaction { connection in
            var ids: [Int64] = []
            for payload in payloads {
                ids += try await PostgresTransaction.fetch("""
                    INSERT INTO outbox (sink, payload, status, attempts, created, next_attempt, updated)
                    VALUES (\(sink), \(payload), 'pending', 0, \(at), \(at), \(at))
                    RETURNING id
                    """, on: connection, logger: logger) { try $0.decode(Int64.self) }
            }
            return ids
        }
        return zip(ids, payloads).map { id, payload in
            OutboxRecord(id: id, sink: sink, payload: payload, status: .pending, attempts: 0, created: EpochMilliseconds.date(at),
                         nextAttempt: EpochMilliseconds.date(at), updated: EpochMilliseconds.date(at), lastError: nil)
        }
    }

    public func dueOutbox(sink: String, now: Date, limit: Int) async throws -> [OutboxRecord] {
        var query = PostgresQuery(unsafeSQL: "SELECT \(Self.outboxColumns) FROM outbox WHERE sink = $1 AND status = 'pending' ORDER BY id LIMIT $2")
        query.binds.append(sink)
        query.binds.append(Int64(max(0, limit)))
        return try await fetch(query, Self.outboxRecord).prefix { $0.nextAttempt <= now }.map { $0 }
    }

    public func markDelivered(_ id: Int64, at now: Date) async throws {
        _ = try await fetch("""
            UPDATE outbox SET status = 'delivered', attempts = attempts + 1, updated = \(EpochMilliseconds.from(now)), last_error = NULL
            WHERE id = \(id)
            """) { _ in }
    }

    public func markAttemptFailed(_ id: Int64, at now: Date, error: String, retryAt: Date?) async throws {
        let status = retryAt == nil ? OutboxRecord.Status.failed.rawValue : OutboxRecord.Status.pending.rawValue
        _ = try await fetch("""
            UPDATE outbox SET status = \(status), attempts = attempts + 1, next_attempt = \(EpochMilliseconds.from(retryAt ?? now)),
                updated = \(EpochMilliseconds.from(now)), last_error = \(error)
            WHERE id = \(id)
            """) { _ in }
    }

    public func outbox(status: OutboxRecord.Status?, limit: Int) async throws -> [OutboxRecord] {
        if let status {
            var query = PostgresQuery(unsafeSQL: "SELECT \(Self.outboxColumns) FROM outbox WHERE status = $1 ORDER BY id DESC LIMIT $2")
            query.binds.append(status.rawValue)
            query.binds.append(Int64(max(0, limit)))
            return try await fetch(query, Self.outboxRecord)
        }
        var query = PostgresQuery(unsafeSQL: "SELECT \(Self.outboxColumns) FROM outbox ORDER BY id DESC LIMIT $1")
        query.binds.append(Int64(max(0, limit)))
        return try await fetch(query, Self.outboxRecord)
    }

    static let outboxColumns = "id, sink, payload, status, attempts, created, next_attempt, updated, last_error"

    static func outboxRecord(_ row: PostgresRow) throws -> OutboxRecord {
        let (id, sink, payload, statusText, attempts, created, next, updated, lastError) =
            try row.decode((Int64, String, Data, String, Int32, Int64, Int64, Int64, String?).self)
        guard let status = OutboxRecord.Status(rawValue: statusText) else {
            throw StoreError(.unavailable, "stored outbox status '\(statusText)' is unknown")
        }
        return OutboxRecord(id: id, sink: sink, payload: payload, status: status, attempts: Int(attempts), created: EpochMilliseconds.date(created),
                            nextAttempt: EpochMilliseconds.date(next), updated: EpochMilliseconds.date(updated), lastError: lastError)
    }
}
