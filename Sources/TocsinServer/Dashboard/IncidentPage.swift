import Foundation
import TocsinCore
import TocsinResponse
import TocsinStore

/// `/incidents/{id}`: one incident opened into its anomalies (each linking to its series
/// around the incident), the root-cause hints of its alert, the alerts sent and the
/// remediation actions with their outcomes.
struct IncidentPage {
    let incident: Incident
    let anomalies: [AnomalyRecord]
    let alerts: [TrackedAlert]
    let actions: [ActionRecord]
    let audit: [Int64: [AuditEntry]]

    /// The page's content.
    func render() -> String {
        let window = (from: incident.start.addingTimeInterval(-3_600), to: incident.end.addingTimeInterval(3_600))
        let range = HTML.query([("from", UTCTimestamp.iso8601(window.from.timeIntervalSince1970.rounded(.down))),
                                ("to", UTCTimestamp.iso8601(window.to.timeIntervalSince1970.rounded(.up)))])
        let rows = anomalies.sorted { $0.anomaly.timestamp < $1.anomaly.timestamp }.map { record -> (attributes: String, cells: [String]) in
            ("data-anomaly=\"\(record.id)\"",
             [HTML.time(record.anomaly.timestamp),
              "<a href=\"\(HTML.escape("/series/\(record.series)" + range))\">\(HTML.escape(record.anomaly.series.description))</a>",
              HTML.number(record.anomaly.value), HTML.number(record.anomaly.score), HTML.number(record.anomaly.threshold),
              HTML.escape(record.anomaly.detector)])
        }
        var hints = ""
        for tracked in alerts {
            let notes = tracked.alert.annotations
            hints += "<article class=\"hint\"><h3>\(HTML.escape(notes["summary"] ?? "alert \(tracked.alert.fingerprint)"))</h3>"
            for name in ["description", "escalated", "remediation"] {
                if let text = notes[name], !text.isEmpty { hints += "<p><strong>\(name)</strong>: \(HTML.escape(text))</p>" }
            }
            if let text = notes["root_cause"], !text.isEmpty { hints += "<pre>\(HTML.escape(text))</pre>" }
            hints += "</article>"
        }
        return """
        <div data-live="facts"><dl class="facts">
        <dt>Scope</dt><dd>\(HTML.escape(IncidentRows.scope(incident)))</dd>
        <dt>Status</dt><dd>\(HTML.badge(incident.status.rawValue, kind: incident.status == .open ? "incident" : "ok"))</dd>
        <dt>From</dt><dd>\(HTML.time(incident.start))</dd>
        <dt>To</dt><dd>\(HTML.time(incident.end))</dd>
        <dt>Anomalies</dt><dd>\(incident.anomalyCount), highest score \(HTML.number(incident.maxScore))</dd>
        </dl></div>
        <section aria-labelledby="anomalies-heading" data-live="incident-anomalies">
        <h2 id="anomalies-heading">Anomalies</h2>
        \(HTML.table(caption: "Its anomalies in time order; each series opens around the incident", headers: ["Time", "Series", "Value", "Score", "Threshold", "Detector"],
                     rows: rows, empty: "No anomaly linked yet."))
        </section>
        <section aria-labelledby="hints-heading" data-live="hints">
        <h2 id="hints-heading">Root-cause hints</h2>
        \(hints.isEmpty ? "<p class=\"empty\">No alert carries hints for this incident (it may have resolved).</p>" : hints)
        </section>
        <section aria-labelledby="alerts-heading" data-live="incident-alerts">
        <h2 id="alerts-heading">Alerts</h2>
        \(HTML.table(caption: "Alerts raised for this incident", headers: AlertRows.headers(controls: true),
                     rows: AlertRows.rows(alerts, controls: true), empty: "No tracked alert for this incident."))
        </section>
        <section aria-labelledby="actions-heading" data-live="incident-actions">
        <h2 id="actions-heading">Remediation</h2>
        \(HTML.table(caption: "Actions planned for this incident and their outcomes", headers: ActionRows.headers(controls: true),
                     rows: ActionRows.rows(actions, audit: audit, controls: true), empty: "No remediation action."))
        </section>
        """
    }
}
