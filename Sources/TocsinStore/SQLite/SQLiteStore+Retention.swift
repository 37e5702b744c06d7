import Foundation
import GRDB

extension SQLiteStore {
    /// Deletes points, scores, logs and anomalies (with their incident links) older than
    /// `cutoff` and returns the rows removed. Incidents and models are kept.
    ///
    /// SQLite has one writer, so the work is split into short transactions (one per
    /// series for points and scores, ``retentionChunk`` rows for logs and anomalies)
    /// and ingest keeps flowing between them.
    @discardableResult
    public func deleteOlderThan(_ cutoff: Date) async throws -> Int {
        let before = EpochMilliseconds.from(cutoff)
        var removed = 0
        let series = try await read { db in try Int64.fetchAll(db, sql: "SELECT id FROM series ORDER BY id") }
        for id in series {
            removed += try await write { db in
                var deleted = 0
                for table in ["points", "scores"] {
                    try db.cachedStatement(sql: "DELETE FROM \(table) WHERE series = ? AND ts < ?")
                        .execute(arguments: [id, before])
                    deleted += db.changesCount
                }
                return deleted
            }
        }
        for table in ["logs", "anomalies"] {
            let sql = "DELETE FROM \(table) WHERE id IN (SELECT id FROM \(table) WHERE ts < ? LIMIT \(Self.retentionChunk))"
            while true {
                let deleted = try await write { db in
                    try db.cachedStatement(sql: sql).execute(arguments: [before])
                    return db.changesCount
                }
                removed += deleted
                if deleted < Self.retentionChunk { break }
            }
        }
        return removed
    }

    /// The most rows of one table that one retention transaction deletes.
    static let retentionChunk = 10_000
}
