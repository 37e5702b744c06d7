import Foundation
import GRDB

extension SQLiteStore {
    public func createAction(_ action: ActionRecord, event: String) async throws -> ActionRecord {
        let stored = try StoredAction(action)
        return try await write { db in
            try db.execute(sql: """
                INSERT INTO actions (policy, kind, target, series, incident, status, created, updated, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [stored.policy, stored.kind, stored.target, stored.series, stored.incident, stored.status,
                                 stored.created, stored.updated, stored.detail])
            var created = action
            created.id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO audit (action, ts, event, detail) VALUES (?, ?, ?, ?)",
                           arguments: [created.id, stored.created, event, stored.detail])
            return created
        }
    }

    public func advanceAction(_ id: Int64, to status: ActionRecord.Status, event: String, detail: String, at now: Date) async throws
        -> ActionRecord? {
        let at = EpochMilliseconds.from(now)
        return try await write { db in
            try db.execute(sql: "UPDATE actions SET status = ?, detail = ?, updated = ? WHERE id = ?",
                           arguments: [status.rawValue, detail, at, id])
            guard db.changesCount > 0 else { return nil }
            try db.execute(sql: "INSERT INTO audit (action, ts, event, detail) VALUES (?, ?, ?, ?)", arguments: [id, at, event, detail])
            return try Row.fetchOne(db, sql: "SELECT \(Self.actionColumns) FROM actions WHERE id = ?", arguments: [id]).map(Self.actionRecord)
        }
    }

    public func action(id: Int64) async throws -> ActionRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.actionColumns) FROM actions WHERE id = ?", arguments: [id]).map(Self.actionRecord)
        }
    }

    public func actions(limit: Int) async throws -> [ActionRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.actionColumns) FROM actions ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(Self.actionRecord)
        }
    }

    public func audit(action: Int64?, limit: Int) async throws -> [AuditEntry] {
        try await read { db in
            let rows = if let action {
                try Row.fetchAll(db, sql: "SELECT id, action, ts, event, detail FROM audit WHERE action = ? ORDER BY id LIMIT ?",
                                 arguments: [action, limit])
            } else {
                try Row.fetchAll(db, sql: "SELECT id, action, ts, event, detail FROM audit ORDER BY id LIMIT ?", arguments: [limit])
            }
            return try rows.map { row in
                AuditEntry(id: try row.decode(Int64.self, atIndex: 0), action: try row.decode(Int64.self, atIndex: 1),
                           at: EpochMilliseconds.date(try row.decode(Int64.self, atIndex: 2)), event: try row.decode(String.self, atIndex: 3),
                           detail: try row.decode(String.self, atIndex: 4))
            }
        }
    }

    public func saveState(_ name: String, _ data: Data, at now: Date) async throws {
        try await write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO state (name, data, updated) VALUES (?, ?, ?)",
                           arguments: [name, data, EpochMilliseconds.from(now)])
        }
    }

    public func loadState(_ name: String) async throws -> Data? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT data FROM state WHERE name = ?", arguments: [name]).map { try $0.decode(Data.self, atIndex: 0) }
        }
    }

    static let actionColumns = "id, policy, kind, target, series, incident, status, created, updated, detail"

    static func actionRecord(_ row: Row) throws -> ActionRecord {
        try StoredAction.decode(
            id: try row.decode(Int64.self, atIndex: 0), policy: try row.decode(String.self, atIndex: 1),
            kind: try row.decode(String.self, atIndex: 2), target: try row.decode(String.self, atIndex: 3),
            series: try row.decode(String?.self, atIndex: 4), incident: try row.decode(Int64?.self, atIndex: 5),
            status: try row.decode(String.self, atIndex: 6), created: try row.decode(Int64.self, atIndex: 7),
            updated: try row.decode(Int64.self, atIndex: 8), detail: try row.decode(String.self, atIndex: 9)
        )
    }
}
