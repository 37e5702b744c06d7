import Foundation
import TocsinCore

/// An incident's columns as stored by both backends, and the way back.
struct StoredIncident: Sendable {
    var scope: String
    var start: Int64
    var end: Int64
    var anomalyCount: Int64
    var maxScore: Double
    var series: String
    var status: String

    /// The columns of `incident`.
    init(_ incident: Incident) throws {
        scope = try CanonicalJSON.encode(incident.scope)
        start = EpochMilliseconds.from(incident.start)
        end = EpochMilliseconds.from(incident.end)
        anomalyCount = Int64(incident.anomalyCount)
        maxScore = incident.maxScore
        series = try CanonicalJSON.encode(incident.series)
        status = incident.status.rawValue
    }

    /// Rebuilds an incident from its stored columns.
    static func decode(
        id: Int64, scope: String, start: Int64, end: Int64, anomalyCount: Int64, maxScore: Double,
        series: String, status: String
    ) throws -> Incident {
        guard let status = Incident.Status(rawValue: status) else {
            throw StoreError(.unavailable, "stored incident status '\(status)' is unknown")
        }
        return Incident(
            id: id, scope: try CanonicalJSON.decodeObject(scope, column: "incidents.scope"),
            start: EpochMilliseconds.date(start), end: EpochMilliseconds.date(end),
            anomalyCount: Int(clamping: anomalyCount), maxScore: maxScore,
            series: try CanonicalJSON.decodeKeys(series, column: "incidents.series"), status: status
        )
    }
}
