import Foundation
import PostgresNIO

extension PostgresStore {
    public func createAction(_ action: ActionRecord, event: String) async throws -> ActionRecord {
        let stored = try StoredAction(action)
        let logger = self.logger
        let id = try await transaction { connection in
            let ids = try await PostgresTransaction.fetch("""
                INSERT INTO actions (policy, kind, target, series, incident, status, created, updated, detail)
                VALUES (\(stored.policy), \(stored.kind), \(stored.target), \(stored.series), \(stored.incident), \(stored.status),
                        \(stored.created), \(stored.updated), \(stored.detail))
                RETURNING id
                """, on: connection, logger: logger) { try $0.decode(Int64.self) }
            guard let id = ids.first else { throw StoreError(.unavailable, "PostgreSQL returned no action id") }
            _ = try await PostgresTransaction.fetch("""
                INSERT INTO audit (action, ts, event, detail) VALUES (\(id), \(stored.created), \(event), \(stored.detail))
                """, on: connection, logger: logger) { _ in }
            return id
        }
        var created = action
        created.id = id
        return created
    }

    public func advanceAction(_ id: Int64, to status: ActionRecord.Status, event: String, detail: String, at now: Date) async throws
        -> ActionRecord? {
        let at = EpochMilliseconds.from(now)
        let logger = self.logger
        return try await transaction { connection in
            var query = PostgresQuery(unsafeSQL: "UPDATE actions SET status = $1, detail = $2, updated = $3 WHERE id = $4 RETURNING \(Self.actionColumns)")
            query.binds.append(status.rawValue)
            query.binds.append(detail)
            query.binds.append(at)
            query.binds.append(id)
            guard let updated = try await PostgresTransaction.fetch(query, on: connection, logger: logger, Self.actionRecord).first else {
                return nil
            }
            _ = try await PostgresTransaction.fetch("""
                INSERT INTO audit (action, ts, event, detail) VALUES (\(id), \(at), \(event), \(detail))
                """, on: connection, logger: logger) { _ in }
            return updated
        }
    }

    public func action(id: Int64) async throws -> ActionRecord? {
        var query = PostgresQuery(unsafeSQL: "SELECT \(Self.actionColumns) FROM actions WHERE id = $1")
        query.binds.append(id)
        return try await fetch(query, Self.actionRecord).first
    }

    public func actions(limit: Int) async throws -> [ActionRecord] {
        var query = PostgresQuery(unsafeSQL: "SELECT \(Self.actionColumns) FROM actions ORDER BY id DESC LIMIT $1")
        query.binds.append(Int64(max(0, limit)))
        return try await fetch(query, Self.actionRecord)
    }

    public func audit(action: Int64?, limit: Int) async throws -> [AuditEntry] {
        var query: PostgresQuery
        if let action {
            query = PostgresQuery(unsafeSQL: "SELECT id, action, ts, event, detail FROM audit WHERE action = $1 ORDER BY id LIMIT $2")
            query.binds.append(action)
        } else {
            query = PostgresQuery(unsafeSQL: "SELECT id, action, ts, event, detail FROM audit ORDER BY id LIMIT $1")
        }
        query.binds.append(Int64(max(0, limit)))
        return try await fetch(query) { row in
            let (id, action, at, event, detail) = try row.decode((Int64, Int64, Int64, String, String).self)
            return AuditEntry(id: id, action: action, at: EpochMilliseconds.date(at), event: event, detail: detail)
        }
    }

    public func saveState(_ name: String, _ data: Data, at now: Date) async throws {
        _ = try await fetch("""
            INSERT INTO state (name, data, updated) VALUES (\(name), \(data), \(EpochMilliseconds.from(now)))
            ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data, updated = EXCLUDED.updated
            """) { _ in }
    }

    public func loadState(_ name: String) async throws -> Data? {
        try await fetch("SELECT data FROM state WHERE name = \(name)") { try $0.decode(Data.self) }.first
    }

    static let actionColumns = "id, policy, kind, target, series, incident, status, created, updated, detail"

    static func actionRecord(_ row: PostgresRow) throws -> ActionRecord {
        let (id, policy, kind, target, series, incident, status, created, updated, detail) =
            try row.decode((Int64, String, String, String, String?, Int64?, String, Int64, Int64, String).self)
        return try StoredAction.decode(id: id, policy: policy, kind: kind, target: target, series: series, incident: incident,
                                       status: status, created: created, updated: updated, detail: detail)
    }
}
