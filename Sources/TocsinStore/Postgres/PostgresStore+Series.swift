import Foundation
import PostgresNIO
import TocsinCore

extension PostgresStore {
    /// The identifiers of `keys`, creating the missing series in one transaction under
    /// an advisory lock (so concurrent callers respect `limit` exactly). Keys already
    /// known to this store are answered from memory.
    public func resolveSeries(_ keys: [SeriesKey], now: Date, limit: Int) async throws -> [SeriesKey: Int64] {
        var (ids, missing) = cache.lookup(keys)
        guard !missing.isEmpty else { return ids }
        let columns = try missing.map { StoredSeriesKey(name: $0.name, labels: try CanonicalJSON.labels(of: $0)) }
        let byColumns = Dictionary(zip(columns, missing)) { first, _ in first }
        let names = columns.map(\.name)
        let labels = columns.map(\.labels)
        let created = EpochMilliseconds.from(now)
        let logger = self.logger
        let rows = try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))", logger: logger)
            let existing = try await PostgresTransaction.fetch("""
                SELECT s.id, s.name, s.labels FROM UNNEST(\(names)::text[], \(labels)::text[]) AS k (name, labels)
                JOIN series s ON s.name = k.name AND s.labels = k.labels
                """, on: connection, logger: logger, StoredSeriesKey.row)
            guard existing.count < names.count else { return existing }
            let found = Set(existing.map(\.1))
            let absent = columns.filter { !found.contains($0) }
            let count = try await PostgresTransaction.fetch(
                "SELECT count(*) FROM series", on: connection, logger: logger
            ) { try $0.decode(Int64.self) }.first ?? 0
            try SeriesLimit.check(stored: Int(count), creating: absent.count, limit: limit)
            // Identifiers follow the order of `keys`.
            let inserted = try await PostgresTransaction.fetch("""
                INSERT INTO series (name, labels, created)
                SELECT name, labels, \(created) FROM UNNEST(\(absent.map(\.name))::text[], \(absent.map(\.labels))::text[])
                    WITH ORDINALITY AS k (name, labels, position)
                ORDER BY position
                RETURNING id, name, labels
                """, on: connection, logger: logger, StoredSeriesKey.row)
            return existing + inserted
        }
        var resolved: [SeriesKey: Int64] = [:]
        for (id, stored) in rows {
            if let key = byColumns[stored] { resolved[key] = id }
        }
        cache.insert(resolved)
        ids.merge(resolved) { _, new in new }
        return ids
    }

    /// Every series, ordered by identifier.
    public func allSeries() async throws -> [SeriesRecord] {
        try await fetch("SELECT id, name, labels, created FROM series ORDER BY id", Self.seriesRecord)
    }

    /// One series by identifier.
    public func series(id: Int64) async throws -> SeriesRecord? {
        try await fetch("SELECT id, name, labels, created FROM series WHERE id = \(id)", Self.seriesRecord).first
    }

    private static func seriesRecord(_ row: PostgresRow) throws -> SeriesRecord {
        let (id, name, labels, created) = try row.decode((Int64, String, String, Int64).self)
        return SeriesRecord(
            id: id, key: SeriesKey(name: name, labels: try CanonicalJSON.decodeObject(labels, column: "series.labels")),
            created: EpochMilliseconds.date(created)
        )
    }
}

/// A series key as its stored columns: name and canonical labels JSON.
private struct StoredSeriesKey: Hashable, Sendable {
    var name: String
    var labels: String

    /// Decodes `id, name, labels`.
    static func row(_ row: PostgresRow) throws -> (Int64, StoredSeriesKey) {
        let (id, name, labels) = try row.decode((Int64, String, String).self)
        return (id, StoredSeriesKey(name: name, labels: labels))
    }
}
