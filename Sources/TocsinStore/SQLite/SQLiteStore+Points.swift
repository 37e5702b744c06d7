import Foundation
import GRDB
import GRDBSQLite

extension SQLiteStore {
    /// Stores `points` in one transaction, ignoring those already stored, and returns
    /// how many were new. The transaction is committed (durable) before returning.
    @discardableResult
    public func appendPoints(_ points: [PointRecord]) async throws -> Int {
        guard !points.isEmpty else { return 0 }
        return try await write { db in
            try SQLiteBatchInsert(db, insert: "INSERT OR IGNORE INTO points (series, ts, value)", columns: 3)
                .run(points) { statement, first, point in
                    let timestamp = EpochMilliseconds.from(point.timestamp)
                    var code = sqlite3_bind_int64(statement, first, point.series)
                    if code == SQLITE_OK { code = sqlite3_bind_int64(statement, first + 1, timestamp) }
                    if code == SQLITE_OK { code = sqlite3_bind_double(statement, first + 2, point.value) }
                    return code
                }
        }
    }

    /// Stores `scores` in one transaction, replacing earlier scores of the same points.
    public func appendScores(_ scores: [ScoreRecord]) async throws {
        guard !scores.isEmpty else { return }
        _ = try await write { db in
            try SQLiteBatchInsert(
                db, insert: "INSERT OR REPLACE INTO scores (series, ts, score, threshold, detector)", columns: 5
            ).run(scores) { statement, first, score in
                let timestamp = EpochMilliseconds.from(score.timestamp)
                var code = sqlite3_bind_int64(statement, first, score.series)
                if code == SQLITE_OK { code = sqlite3_bind_int64(statement, first + 1, timestamp) }
                if code == SQLITE_OK { code = sqlite3_bind_double(statement, first + 2, score.score) }
                if code == SQLITE_OK { code = sqlite3_bind_double(statement, first + 3, score.threshold) }
                if code == SQLITE_OK {
                    code = score.detector.withCString {
                        sqlite3_bind_text(statement, first + 4, $0, -1, SQLiteBatchInsert.transient)
                    }
                }
                return code
            }
        }
    }

    /// The points of a series in `[from, to)`, oldest first, with their scores.
    public func points(series: Int64, from: Date, to: Date, limit: Int) async throws -> [ScoredPoint] {
        let range = (EpochMilliseconds.from(from), EpochMilliseconds.from(to))
        return try await read { db in
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: """
                    SELECT p.ts, p.value, s.score, s.threshold
                    FROM points p LEFT JOIN scores s ON s.series = p.series AND s.ts = p.ts
                    WHERE p.series = ? AND p.ts >= ? AND p.ts < ?
                    ORDER BY p.ts LIMIT ?
                    """),
                arguments: [series, range.0, range.1, max(0, limit)]
            )
            var points: [ScoredPoint] = []
            while let row = try rows.next() {
                points.append(ScoredPoint(
                    timestamp: EpochMilliseconds.date(try row.decode(Int64.self, atIndex: 0)),
                    value: try row.decode(Double.self, atIndex: 1),
                    score: try row.decode(Double?.self, atIndex: 2),
                    threshold: try row.decode(Double?.self, atIndex: 3)
                ))
            }
            return points
        }
    }
}
