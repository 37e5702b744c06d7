import GRDB

/// The SQLite schema, as versioned GRDB migrations.
///
/// Timestamps are INTEGER milliseconds since 1970 UTC (see ``EpochMilliseconds``);
/// labels, scopes, series lists and log fields are canonical JSON text (see
/// ``CanonicalJSON``). Points and scores are `WITHOUT ROWID` tables clustered on
/// `(series, ts)`, so a range read of one series is one B-tree scan. They carry no
/// foreign key: ingest is the hot path, and its series identifiers come from
/// `resolveSeries`.
enum SQLiteSchema {
    /// Every migration, oldest first. Append new ones; never edit a shipped one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createTables)
        migrator.registerMigration("v2", migrate: createResponseTables)
        return migrator
    }

    private static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE series (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                labels TEXT NOT NULL,
                created INTEGER NOT NULL,
                UNIQUE (name, labels)
            );
            CREATE TABLE points (
                series INTEGER NOT NULL,
                ts INTEGER NOT NULL,
                value REAL NOT NULL,
                PRIMARY KEY (series, ts)
            ) WITHOUT ROWID;
            CREATE TABLE scores (
                series INTEGER NOT NULL,
                ts INTEGER NOT NULL,
                score REAL NOT NULL,
                threshold REAL NOT NULL,
                detector TEXT NOT NULL,
                PRIMARY KEY (series, ts)
            ) WITHOUT ROWID;
            CREATE TABLE logs (
                id INTEGER PRIMARY KEY,
                ts INTEGER NOT NULL,
                service TEXT NOT NULL,
                instance TEXT NOT NULL,
                level TEXT NOT NULL,
                message TEXT NOT NULL,
                fields TEXT NOT NULL
            );
            CREATE INDEX logs_ts ON logs (ts);
            CREATE INDEX logs_service_instance_ts ON logs (service, instance, ts);
            CREATE INDEX logs_instance_ts ON logs (instance, ts);
            CREATE TABLE incidents (
                id INTEGER PRIMARY KEY,
                scope TEXT NOT NULL,
                start_ts INTEGER NOT NULL,
                end_ts INTEGER NOT NULL,
                anomaly_count INTEGER NOT NULL,
                max_score REAL NOT NULL,
                series TEXT NOT NULL,
                status TEXT NOT NULL
            );
            CREATE INDEX incidents_start ON incidents (start_ts);
            CREATE TABLE anomalies (
                id INTEGER PRIMARY KEY,
                series INTEGER NOT NULL REFERENCES series (id),
                ts INTEGER NOT NULL,
                value REAL NOT NULL,
                score REAL NOT NULL,
                threshold REAL NOT NULL,
                detector TEXT NOT NULL
            );
            CREATE INDEX anomalies_ts ON anomalies (ts);
            CREATE INDEX anomalies_series_ts ON anomalies (series, ts);
            CREATE TABLE incident_links (
                anomaly INTEGER PRIMARY KEY REFERENCES anomalies (id) ON DELETE CASCADE,
                incident INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE
            );
            CREATE INDEX incident_links_incident ON incident_links (incident);
            CREATE TABLE models (
                series INTEGER PRIMARY KEY REFERENCES series (id),
                detector TEXT NOT NULL,
                artifact BLOB NOT NULL,
                updated INTEGER NOT NULL
            );
            """)
    }

    /// The outbox of alert sinks, remediation actions with their audit log, and saved state.
    private static func createResponseTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                sink TEXT NOT NULL,
                payload BLOB NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                created INTEGER NOT NULL,
                next_attempt INTEGER NOT NULL,
                updated INTEGER NOT NULL,
                last_error TEXT
            );
            CREATE INDEX outbox_due ON outbox (sink, status, next_attempt);
            CREATE TABLE actions (
                id INTEGER PRIMARY KEY,
                policy TEXT NOT NULL,
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                series TEXT,
                incident INTEGER,
                status TEXT NOT NULL,
                created INTEGER NOT NULL,
                updated INTEGER NOT NULL,
                detail TEXT NOT NULL
            );
            CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                action INTEGER NOT NULL REFERENCES actions (id),
                ts INTEGER NOT NULL,
                event TEXT NOT NULL,
                detail TEXT NOT NULL
            );
            CREATE INDEX audit_action ON audit (action, id);
            CREATE TABLE state (
                name TEXT PRIMARY KEY,
                data BLOB NOT NULL,
                updated INTEGER NOT NULL
            );
            """)
    }
}
