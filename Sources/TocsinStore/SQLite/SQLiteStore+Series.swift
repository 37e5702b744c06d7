import Foundation
import GRDB
import TocsinCore

extension SQLiteStore {
    /// The identifiers of `keys`, creating the missing series in one transaction. Keys
    /// already known to this store are answered from memory.
    public func resolveSeries(_ keys: [SeriesKey], now: Date, limit: Int) async throws -> [SeriesKey: Int64] {
        var (ids, missing) = cache.lookup(keys)
        guard !missing.isEmpty else { return ids }
        let created = EpochMilliseconds.from(now)
        let stored = try missing.map { ($0, try CanonicalJSON.labels(of: $0)) }
        let resolved = try await write { db in
            try Self.resolve(stored, created: created, limit: limit, db)
        }
        cache.insert(resolved)
        ids.merge(resolved) { _, new in new }
        return ids
    }

    /// Every series, ordered by identifier.
    public func allSeries() async throws -> [SeriesRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, labels, created FROM series ORDER BY id").map(Self.seriesRecord)
        }
    }

    /// One series by identifier.
    public func series(id: Int64) async throws -> SeriesRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT id, name, labels, created FROM series WHERE id = ?", arguments: [id])
                .map(Self.seriesRecord)
        }
    }

    /// Looks up `keys` (with their labels JSON) and inserts those not stored, unless
    /// that would take the table past `limit` rows.
    private static func resolve(
        _ keys: [(SeriesKey, String)], created: Int64, limit: Int, _ db: Database
    ) throws -> [SeriesKey: Int64] {
        var ids: [SeriesKey: Int64] = [:]
        var absent: [(SeriesKey, String)] = []
        let select = try db.cachedStatement(sql: "SELECT id FROM series WHERE name = ? AND labels = ?")
        for (key, labels) in keys {
            if let id = try Int64.fetchOne(select, arguments: [key.name, labels]) {
                ids[key] = id
            } else {
                absent.append((key, labels))
            }
        }
        guard !absent.isEmpty else { return ids }
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM series") ?? 0
        try SeriesLimit.check(stored: count, creating: absent.count, limit: limit)
        let insert = try db.cachedStatement(sql: "INSERT INTO series (name, labels, created) VALUES (?, ?, ?)")
        for (key, labels) in absent {
            try insert.execute(arguments: [key.name, labels, created])
            ids[key] = db.lastInsertedRowID
        }
        return ids
    }

    private static func seriesRecord(_ row: Row) throws -> SeriesRecord {
        let labels = try CanonicalJSON.decodeObject(try row.decode(String.self, atIndex: 2), column: "series.labels")
        return SeriesRecord(
            id: try row.decode(Int64.self, atIndex: 0),
            key: SeriesKey(name: try row.decode(String.self, atIndex: 1), labels: labels),
            created: EpochMilliseconds.date(try row.decode(Int64.self, atIndex: 3))
        )
    }
}
