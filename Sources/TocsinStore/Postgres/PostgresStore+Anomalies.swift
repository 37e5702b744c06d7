import Foundation
import PostgresNIO
import TocsinCore

extension PostgresStore {
    /// Stores `anomalies` (and their incident links) in one transaction and returns them
    /// with their identifiers.
    public func appendAnomalies(_ anomalies: [AnomalyRecord]) async throws -> [AnomalyRecord] {
        guard !anomalies.isEmpty else { return [] }
        let logger = self.logger
        let ids = try await transaction { connection in
            let ids = try await PostgresTransaction.fetch("""
                INSERT INTO anomalies (series, ts, value, score, threshold, detector)
                SELECT series, ts, value, score, threshold, detector FROM UNNEST(
                    \(anomalies.map(\.series))::int8[], \(anomalies.map { EpochMilliseconds.from($0.anomaly.timestamp) })::int8[],
                    \(anomalies.map(\.anomaly.value))::float8[], \(anomalies.map(\.anomaly.score))::float8[],
                    \(anomalies.map(\.anomaly.threshold))::float8[], \(anomalies.map(\.anomaly.detector))::text[]
                ) WITH ORDINALITY AS batch (series, ts, value, score, threshold, detector, position)
                ORDER BY position
                RETURNING id
                """, on: connection, logger: logger) { try $0.decode(Int64.self) }
            // Identities are drawn in insertion order, which follows `position`.
            let sorted = ids.sorted()
            var links: [Int64: [Int64]] = [:]
            for (id, record) in zip(sorted, anomalies) {
                if let incident = record.incident { links[incident, default: []].append(id) }
            }
            for (incident, members) in links {
                try await Self.link(anomalies: members, to: incident, connection, logger: logger)
            }
            return sorted
        }
        return zip(ids, anomalies).map { id, record in
            var record = record
            record.id = id
            return record
        }
    }

    /// Anomalies in `[from, to)`, optionally of one series, newest first.
    public func anomalies(from: Date, to: Date, series: Int64?, limit: Int) async throws -> [AnomalyRecord] {
        var query = PostgresQuery(unsafeSQL: Self.anomalySelect)
        query.sql += " WHERE a.ts >= $1 AND a.ts < $2"
        query.binds.append(EpochMilliseconds.from(from))
        query.binds.append(EpochMilliseconds.from(to))
        if let series {
            query.sql += " AND a.series = $3"
            query.binds.append(series)
        }
        query.sql += " ORDER BY a.ts DESC, a.id DESC LIMIT $\(query.binds.count + 1)"
        query.binds.append(Int64(max(0, limit)))
        return try await fetchAnomalies(query)
    }

    /// The anomalies of one incident, oldest first.
    public func anomalies(incident: Int64) async throws -> [AnomalyRecord] {
        var query = PostgresQuery(unsafeSQL: Self.anomalySelect + " WHERE l.incident = $1 ORDER BY a.ts, a.id")
        query.binds.append(incident)
        return try await fetchAnomalies(query)
    }

    /// Inserts (id 0) or updates an incident. Updating an unknown identifier throws
    /// ``StoreError/Kind/notFound``.
    public func saveIncident(_ incident: Incident) async throws -> Int64 {
        let columns = try StoredIncident(incident)
        if incident.id == 0 {
            let ids = try await fetch("""
                INSERT INTO incidents (scope, start_ts, end_ts, anomaly_count, max_score, series, status)
                VALUES (\(columns.scope), \(columns.start), \(columns.end), \(columns.anomalyCount),
                        \(columns.maxScore), \(columns.series), \(columns.status))
                RETURNING id
                """) { try $0.decode(Int64.self) }
            guard let id = ids.first else { throw StoreError(.unavailable, "PostgreSQL returned no incident id") }
            return id
        }
        let updated = try await fetch("""
            UPDATE incidents SET scope = \(columns.scope), start_ts = \(columns.start), end_ts = \(columns.end),
                anomaly_count = \(columns.anomalyCount), max_score = \(columns.maxScore), series = \(columns.series),
                status = \(columns.status)
            WHERE id = \(incident.id) RETURNING id
            """) { try $0.decode(Int64.self) }
        guard let id = updated.first else { throw StoreError(.notFound, "incident \(incident.id) does not exist") }
        return id
    }

    /// Links anomalies to an incident (moving them from any earlier one), in one
    /// transaction. An unknown incident or anomaly throws ``StoreError/Kind/notFound``.
    public func assign(anomalies: [Int64], to incident: Int64) async throws {
        let logger = self.logger
        try await transaction { connection in
            try await Self.link(anomalies: anomalies, to: incident, connection, logger: logger)
        }
    }

    /// Incidents, newest (latest start) first.
    public func incidents(limit: Int) async throws -> [Incident] {
        var query = PostgresQuery(unsafeSQL: Self.incidentSelect + " ORDER BY start_ts DESC, id DESC LIMIT $1")
        query.binds.append(Int64(max(0, limit)))
        return try await fetch(query, Self.incident)
    }

    /// One incident.
    public func incident(id: Int64) async throws -> Incident? {
        var query = PostgresQuery(unsafeSQL: Self.incidentSelect + " WHERE id = $1")
        query.binds.append(id)
        return try await fetch(query, Self.incident).first
    }

    private static let anomalySelect = """
        SELECT a.id, a.series, a.ts, a.value, a.score, a.threshold, a.detector, l.incident, s.name, s.labels
        FROM anomalies a JOIN series s ON s.id = a.series LEFT JOIN incident_links l ON l.anomaly = a.id
        """

    private static let incidentSelect = """
        SELECT id, scope, start_ts, end_ts, anomaly_count, max_score, series, status FROM incidents
        """

    /// Links `anomalies` to `incident` inside the caller's transaction.
    private static func link(
        anomalies: [Int64], to incident: Int64, _ connection: PostgresConnection, logger: Logger
    ) async throws {
        let exists = try await PostgresTransaction.fetch(
            "SELECT id FROM incidents WHERE id = \(incident) FOR SHARE", on: connection, logger: logger
        ) { try $0.decode(Int64.self) }
        guard !exists.isEmpty else { throw StoreError(.notFound, "incident \(incident) does not exist") }
        let linked = try await PostgresTransaction.fetch("""
            INSERT INTO incident_links (anomaly, incident)
            SELECT id, \(incident) FROM anomalies WHERE id = ANY(\(anomalies)::int8[])
            ON CONFLICT (anomaly) DO UPDATE SET incident = EXCLUDED.incident
            RETURNING anomaly
            """, on: connection, logger: logger) { try $0.decode(Int64.self) }
        let missing = Set(anomalies).subtracting(linked)
        if let anomaly = missing.min() { throw StoreError(.notFound, "anomaly \(anomaly) does not exist") }
    }

    private func fetchAnomalies(_ query: PostgresQuery) async throws -> [AnomalyRecord] {
        var keys = SeriesKeyDecoder()
        return try await fetch(query) { row in
            let (id, series, ts, value, score, threshold, detector, incident, name, labels) = try row.decode(
                (Int64, Int64, Int64, Double, Double, Double, String, Int64?, String, String).self
            )
            let anomaly = Anomaly(
                series: try keys.key(id: series, name: name, labels: labels), timestamp: EpochMilliseconds.date(ts),
                value: value, score: score, threshold: threshold, detector: detector
            )
            return AnomalyRecord(id: id, series: series, anomaly: anomaly, incident: incident)
        }
    }

    private static func incident(_ row: PostgresRow) throws -> Incident {
        let (id, scope, start, end, count, maxScore, series, status) = try row.decode(
            (Int64, String, Int64, Int64, Int64, Double, String, String).self
        )
        return try StoredIncident.decode(
            id: id, scope: scope, start: start, end: end, anomalyCount: count, maxScore: maxScore, series: series,
            status: status
        )
    }
}
