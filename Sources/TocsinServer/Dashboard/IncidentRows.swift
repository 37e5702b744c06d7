import Foundation
import TocsinCore

/// Incidents as a table, the same on the overview and the timeline.
enum IncidentRows {
    /// A table of `incidents`, or `empty` when there is none.
    static func table(_ incidents: [Incident], caption: String, empty: String) -> String {
        HTML.table(caption: caption, headers: ["#", "Scope", "Status", "Start", "Last anomaly", "Anomalies", "Max score", "Series"],
                   rows: incidents.map { incident in
                       ("data-incident=\"\(incident.id)\" data-status=\"\(incident.status.rawValue)\"",
                        ["<a href=\"/incidents/\(incident.id)\">#\(incident.id)</a>", HTML.escape(scope(incident)),
                         HTML.badge(incident.status.rawValue, kind: incident.status == .open ? "incident" : "ok"),
                         HTML.time(incident.start), HTML.time(incident.end), String(incident.anomalyCount),
                         HTML.number(incident.maxScore), HTML.escape(incident.series.map(\.name).joined(separator: ", "))])
                   }, empty: empty)
    }

    /// `service=api instance=i-1`.
    static func scope(_ incident: Incident) -> String {
        incident.scope.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}
