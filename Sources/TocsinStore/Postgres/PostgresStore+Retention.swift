import Foundation
import PostgresNIO

extension PostgresStore {
    /// Deletes points, scores, logs and anomalies (with their incident links) older than
    /// `cutoff` and returns the rows removed. Incidents and models are kept.
    ///
    /// Points and scores are deleted ``retentionSeriesChunk`` series per statement, so
    /// each statement is an index range scan per series on the `(series, ts)` key.
    @discardableResult
    public func deleteOlderThan(_ cutoff: Date) async throws -> Int {
        let before = EpochMilliseconds.from(cutoff)
        let series = try await fetch("SELECT id FROM series ORDER BY id") { try $0.decode(Int64.self) }
        var removed = 0
        for start in stride(from: 0, to: series.count, by: Self.retentionSeriesChunk) {
            let chunk = Array(series[start..<min(start + Self.retentionSeriesChunk, series.count)])
            removed += try await fetchCount("""
                WITH points_deleted AS (
                    DELETE FROM points WHERE series = ANY(\(chunk)::int8[]) AND ts < \(before) RETURNING 1
                ), scores_deleted AS (
                    DELETE FROM scores WHERE series = ANY(\(chunk)::int8[]) AND ts < \(before) RETURNING 1
                )
                SELECT (SELECT count(*) FROM points_deleted) + (SELECT count(*) FROM scores_deleted)
                """)
        }
        removed += try await fetchCount("""
            WITH deleted AS (DELETE FROM logs WHERE ts < \(before) RETURNING 1) SELECT count(*) FROM deleted
            """)
        removed += try await fetchCount("""
            WITH deleted AS (DELETE FROM anomalies WHERE ts < \(before) RETURNING 1) SELECT count(*) FROM deleted
            """)
        return removed
    }

    /// The most series whose points and scores one retention statement deletes.
    static let retentionSeriesChunk = 1_000
}
