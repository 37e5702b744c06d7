/// The PostgreSQL schema, as numbered migrations recorded in `schema_migrations`.
///
/// It mirrors ``SQLiteSchema``: BIGINT milliseconds since 1970 UTC for timestamps,
/// canonical JSON text for labels, scopes, series lists and log fields, and no
/// foreign key on the ingest tables (points, scores).
enum PostgresSchema {
    /// One schema version: statements run in order, in one transaction.
    struct Migration: Sendable {
        /// The version it brings the schema to.
        var version: Int32
        /// Its statements (one per query: the extended protocol runs one at a time).
        var statements: [String]
    }

    /// The advisory lock key that serialises migrations and series creation.
    static let lockKey: Int64 = 0x7_0C51_4E00

    /// Every migration, oldest first. Append new ones; never edit a shipped one.
    static let migrations: [Migration] = [
        Migration(version: 1, statements: [
            """
            CREATE TABLE series (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name TEXT NOT NULL,
                labels TEXT NOT NULL,
                created BIGINT NOT NULL,
                UNIQUE (name, labels)
            )
            """,
            """
            CREATE TABLE points (
                series BIGINT NOT NULL,
                ts BIGINT NOT NULL,
                value DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (series, ts)
            )
            """,
            """
            CREATE TABLE scores (
                series BIGINT NOT NULL,
                ts BIGINT NOT NULL,
                score DOUBLE PRECISION NOT NULL,
                threshold DOUBLE PRECISION NOT NULL,
                detector TEXT NOT NULL,
                PRIMARY KEY (series, ts)
            )
            """,
            """
            CREATE TABLE logs (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                ts BIGINT NOT NULL,
                service TEXT NOT NULL,
                instance TEXT NOT NULL,
                level TEXT NOT NULL,
                message TEXT NOT NULL,
                fields TEXT NOT NULL
            )
            """,
            "CREATE INDEX logs_ts ON logs (ts)",
            "CREATE INDEX logs_service_instance_ts ON logs (service, instance, ts)",
            "CREATE INDEX logs_instance_ts ON logs (instance, ts)",
            """
            CREATE TABLE incidents (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                scope TEXT NOT NULL,
                start_ts BIGINT NOT NULL,
                end_ts BIGINT NOT NULL,
                anomaly_count BIGINT NOT NULL,
                max_score DOUBLE PRECISION NOT NULL,
                series TEXT NOT NULL,
                status TEXT NOT NULL
            )
            """,
            "CREATE INDEX incidents_start ON incidents (start_ts)",
            """
            CREATE TABLE anomalies (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                series BIGINT NOT NULL REFERENCES series (id),
                ts BIGINT NOT NULL,
                value DOUBLE PRECISION NOT NULL,
                score DOUBLE PRECISION NOT NULL,
                threshold DOUBLE PRECISION NOT NULL,
                detector TEXT NOT NULL
            )
            """,
            "CREATE INDEX anomalies_ts ON anomalies (ts)",
            "CREATE INDEX anomalies_series_ts ON anomalies (series, ts)",
            """
            CREATE TABLE incident_links (
                anomaly BIGINT PRIMARY KEY REFERENCES anomalies (id) ON DELETE CASCADE,
                incident BIGINT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE
            )
            """,
            "CREATE INDEX incident_links_incident ON incident_links (incident)",
            """
            CREATE TABLE models (
                series BIGINT PRIMARY KEY REFERENCES series (id),
                detector TEXT NOT NULL,
                artifact BYTEA NOT NULL,
                updated BIGINT NOT NULL
            )
            """,
        ]),
        Migration(version: 2, statements: [
            """
            CREATE TABLE outbox (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                sink TEXT NOT NULL,
                payload BYTEA NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                created BIGINT NOT NULL,
                next_attempt BIGINT NOT NULL,
                updated BIGINT NOT NULL,
                last_error TEXT
            )
            """,
            "CREATE INDEX outbox_due ON outbox (sink, status, next_attempt)",
            """
            CREATE TABLE actions (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                policy TEXT NOT NULL,
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                series TEXT,
                incident BIGINT,
                status TEXT NOT NULL,
                created BIGINT NOT NULL,
                updated BIGINT NOT NULL,
                detail TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE audit (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                action BIGINT NOT NULL REFERENCES actions (id),
                ts BIGINT NOT NULL,
                event TEXT NOT NULL,
                detail TEXT NOT NULL
            )
            """,
            "CREATE INDEX audit_action ON audit (action, id)",
            """
            CREATE TABLE state (
                name TEXT PRIMARY KEY,
                data BYTEA NOT NULL,
                updated BIGINT NOT NULL
            )
            """,
        ]),
    ]
}
