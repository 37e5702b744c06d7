import Foundation
import GRDB
import TocsinCore

extension SQLiteStore {
    /// Stores `anomalies` (and their incident links) in one transaction and returns them
    /// with their identifiers.
    public func appendAnomalies(_ anomalies: [AnomalyRecord]) async throws -> [AnomalyRecord] {
        guard !anomalies.isEmpty else { return [] }
        return try await write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO anomalies (series, ts, value, score, threshold, detector) VALUES (?, ?, ?, ?, ?, ?)
                """)
            var stored: [AnomalyRecord] = []
            stored.reserveCapacity(anomalies.count)
            for var record in anomalies {
                let anomaly = record.anomaly
                try insert.execute(arguments: [
                    record.series, EpochMilliseconds.from(anomaly.timestamp), anomaly.value, anomaly.score,
                    anomaly.threshold, anomaly.detector,
                ])
                record.id = db.lastInsertedRowID
                if let incident = record.incident {
                    try Self.requireIncident(incident, db)
                    try Self.link(anomaly: record.id, to: incident, db)
                }
                stored.append(record)
            }
            return stored
        }
    }

    /// Anomalies in `[from, to)`, optionally of one series, newest first.
    public func anomalies(from: Date, to: Date, series: Int64?, limit: Int) async throws -> [AnomalyRecord] {
        var sql = Self.anomalySelect + " WHERE a.ts >= ? AND a.ts < ?"
        var arguments: StatementArguments = [EpochMilliseconds.from(from), EpochMilliseconds.from(to)]
        if let series {
            sql += " AND a.series = ?"
            arguments += [series]
        }
        sql += " ORDER BY a.ts DESC, a.id DESC LIMIT ?"
        arguments += [max(0, limit)]
        let query = (sql, arguments)
        return try await read { db in try Self.fetchAnomalies(db, sql: query.0, arguments: query.1) }
    }

    /// The anomalies of one incident, oldest first.
    public func anomalies(incident: Int64) async throws -> [AnomalyRecord] {
        try await read { db in
            try Self.fetchAnomalies(
                db, sql: Self.anomalySelect + " WHERE l.incident = ? ORDER BY a.ts, a.id", arguments: [incident]
            )
        }
    }

    /// Inserts (id 0) or updates an incident. Updating an unknown identifier throws
    /// ``StoreError/Kind/notFound``.
    public func saveIncident(_ incident: Incident) async throws -> Int64 {
        let columns = try StoredIncident(incident)
        let id = incident.id
        return try await write { db in
            let arguments: StatementArguments = [
                columns.scope, columns.start, columns.end, columns.anomalyCount, columns.maxScore, columns.series,
                columns.status,
            ]
            if id == 0 {
                try db.execute(
                    sql: """
                        INSERT INTO incidents (scope, start_ts, end_ts, anomaly_count, max_score, series, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: arguments
                )
                return db.lastInsertedRowID
            }
            try db.execute(
                sql: """
                    UPDATE incidents SET scope = ?, start_ts = ?, end_ts = ?, anomaly_count = ?, max_score = ?,
                    series = ?, status = ? WHERE id = ?
                    """,
                arguments: arguments + [id]
            )
            guard db.changesCount == 1 else { throw StoreError(.notFound, "incident \(id) does not exist") }
            return id
        }
    }

    /// Links anomalies to an incident (moving them from any earlier one), in one
    /// transaction. An unknown incident or anomaly throws ``StoreError/Kind/notFound``.
    public func assign(anomalies: [Int64], to incident: Int64) async throws {
        try await write { db in
            try Self.requireIncident(incident, db)
            for anomaly in anomalies {
                try Self.link(anomaly: anomaly, to: incident, db)
            }
        }
    }

    /// Incidents, newest (latest start) first.
    public func incidents(limit: Int) async throws -> [Incident] {
        try await read { db in
            try Row.fetchAll(db, sql: Self.incidentSelect + " ORDER BY start_ts DESC, id DESC LIMIT ?",
                             arguments: [max(0, limit)])
                .map(Self.incident)
        }
    }

    /// One incident.
    public func incident(id: Int64) async throws -> Incident? {
        try await read { db in
            try Row.fetchOne(db, sql: Self.incidentSelect + " WHERE id = ?", arguments: [id]).map(Self.incident)
        }
    }

    private static let anomalySelect = """
        SELECT a.id, a.series, a.ts, a.value, a.score, a.threshold, a.detector, l.incident, s.name, s.labels
        FROM anomalies a JOIN series s ON s.id = a.series LEFT JOIN incident_links l ON l.anomaly = a.id
        """

    private static let incidentSelect = """
        SELECT id, scope, start_ts, end_ts, anomaly_count, max_score, series, status FROM incidents
        """

    private static func requireIncident(_ incident: Int64, _ db: Database) throws {
        let sql = "SELECT 1 FROM incidents WHERE id = ?"
        guard try Bool.fetchOne(db.cachedStatement(sql: sql), arguments: [incident]) != nil else {
            throw StoreError(.notFound, "incident \(incident) does not exist")
        }
    }

    private static func link(anomaly: Int64, to incident: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO incident_links (anomaly, incident) SELECT id, ? FROM anomalies WHERE id = ?
            """).execute(arguments: [incident, anomaly])
        guard db.changesCount == 1 else { throw StoreError(.notFound, "anomaly \(anomaly) does not exist") }
    }

    private static func fetchAnomalies(_ db: Database, sql: String, arguments: StatementArguments) throws -> [AnomalyRecord] {
        var keys = SeriesKeyDecoder()
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
            let series = try row.decode(Int64.self, atIndex: 1)
            let key = try keys.key(
                id: series, name: try row.decode(String.self, atIndex: 8), labels: try row.decode(String.self, atIndex: 9)
            )
            let anomaly = Anomaly(
                series: key, timestamp: EpochMilliseconds.date(try row.decode(Int64.self, atIndex: 2)),
                value: try row.decode(Double.self, atIndex: 3), score: try row.decode(Double.self, atIndex: 4),
                threshold: try row.decode(Double.self, atIndex: 5), detector: try row.decode(String.self, atIndex: 6)
            )
            return AnomalyRecord(
                id: try row.decode(Int64.self, atIndex: 0), series: series, anomaly: anomaly,
                incident: try row.decode(Int64?.self, atIndex: 7)
            )
        }
    }

    private static func incident(_ row: Row) throws -> Incident {
        try StoredIncident.decode(
            id: try row.decode(Int64.self, atIndex: 0), scope: try row.decode(String.self, atIndex: 1),
            start: try row.decode(Int64.self, atIndex: 2), end: try row.decode(Int64.self, atIndex: 3),
            anomalyCount: try row.decode(Int64.self, atIndex: 4), maxScore: try row.decode(Double.self, atIndex: 5),
            series: try row.decode(String.self, atIndex: 6), status: try row.decode(String.self, atIndex: 7)
        )
    }
}
