import Foundation
import PostgresNIO

extension PostgresStore {
    /// Stores `points` in one statement, ignoring those already stored, and returns how
    /// many were new.
    @discardableResult
    public func appendPoints(_ points: [PointRecord]) async throws -> Int {
        guard !points.isEmpty else { return 0 }
        var statement = PostgresStatements.InsertPoints(series: [], timestamps: [], values: [])
        statement.series.reserveCapacity(points.count)
        statement.timestamps.reserveCapacity(points.count)
        statement.values.reserveCapacity(points.count)
        for point in points {
            statement.series.append(point.series)
            statement.timestamps.append(EpochMilliseconds.from(point.timestamp))
            statement.values.append(point.value)
        }
        do {
            var inserted = 0
            for try await count in try await client.execute(statement, logger: logger) {
                inserted += Int(count)
            }
            return inserted
        } catch {
            throw PostgresErrors.storeError(error, context: "PostgreSQL")
        }
    }

    /// Stores `scores` in one statement, replacing earlier scores of the same points.
    public func appendScores(_ scores: [ScoreRecord]) async throws {
        guard !scores.isEmpty else { return }
        let statement = PostgresStatements.UpsertScores(
            series: scores.map(\.series), timestamps: scores.map { EpochMilliseconds.from($0.timestamp) },
            scores: scores.map(\.score), thresholds: scores.map(\.threshold), detectors: scores.map(\.detector)
        )
        do {
            for try await _ in try await client.execute(statement, logger: logger) {}
        } catch {
            throw PostgresErrors.storeError(error, context: "PostgreSQL")
        }
    }

    /// The points of a series in `[from, to)`, oldest first, with their scores.
    public func points(series: Int64, from: Date, to: Date, limit: Int) async throws -> [ScoredPoint] {
        try await fetch("""
            SELECT p.ts, p.value, s.score, s.threshold
            FROM points p LEFT JOIN scores s ON s.series = p.series AND s.ts = p.ts
            WHERE p.series = \(series) AND p.ts >= \(EpochMilliseconds.from(from)) AND p.ts < \(EpochMilliseconds.from(to))
            ORDER BY p.ts LIMIT \(Int64(max(0, limit)))
            """) { row in
            let (ts, value, score, threshold) = try row.decode((Int64, Double, Double?, Double?).self)
            return ScoredPoint(timestamp: EpochMilliseconds.date(ts), value: value, score: score, threshold: threshold)
        }
    }
}
