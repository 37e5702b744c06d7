import PostgresNIO

/// The ingest statements, prepared once per pooled connection. Each batch travels as
/// one array per column and is expanded server-side with `UNNEST`.
enum PostgresStatements {
    /// Inserts points, ignoring those already stored; returns how many were new.
    struct InsertPoints: PostgresPreparedStatement {
        static let name = "tocsin_insert_points"
        static let sql = """
            WITH inserted AS (
                INSERT INTO points (series, ts, value)
                SELECT * FROM UNNEST($1::int8[], $2::int8[], $3::float8[])
                ON CONFLICT DO NOTHING
                RETURNING 1
            )
            SELECT count(*) FROM inserted
            """
        typealias Row = Int64

        var series: [Int64]
        var timestamps: [Int64]
        var values: [Double]

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 3)
            bindings.append(series)
            bindings.append(timestamps)
            bindings.append(values)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Int64 {
            try row.decode(Int64.self)
        }
    }

    /// Inserts or replaces scores; within one batch the last score of a point wins.
    struct UpsertScores: PostgresPreparedStatement {
        static let name = "tocsin_upsert_scores"
        static let sql = """
            INSERT INTO scores (series, ts, score, threshold, detector)
            SELECT DISTINCT ON (series, ts) series, ts, score, threshold, detector
            FROM UNNEST($1::int8[], $2::int8[], $3::float8[], $4::float8[], $5::text[])
                WITH ORDINALITY AS batch (series, ts, score, threshold, detector, position)
            ORDER BY series, ts, position DESC
            ON CONFLICT (series, ts) DO UPDATE SET
                score = EXCLUDED.score, threshold = EXCLUDED.threshold, detector = EXCLUDED.detector
            """
        typealias Row = Void

        var series: [Int64]
        var timestamps: [Int64]
        var scores: [Double]
        var thresholds: [Double]
        var detectors: [String]

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 5)
            bindings.append(series)
            bindings.append(timestamps)
            bindings.append(scores)
            bindings.append(thresholds)
            bindings.append(detectors)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws {}
    }
}
