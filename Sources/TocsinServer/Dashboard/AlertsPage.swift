import Foundation
import TocsinResponse
import TocsinStore

/// `/alerts`: tracked alerts filtered on the server, with buttons to acknowledge and silence;
/// the silences, with a button to expire them; and the latest notifications sent.
struct AlertsPage {
    /// What the list shows.
    struct Filter {
        /// `firing` or `resolved`; nil for both.
        var status: String?
        /// A severity; nil for all.
        var severity: String?
        /// Text any label or the summary must contain.
        var match: String?
    }

    let alerts: [TrackedAlert]
    let silences: [Silence]
    let notifications: [OutboxRecord]
    let filter: Filter
    /// Whether alerting runs at all.
    let configured: Bool

    /// The page's content.
    func render() -> String {
        let shown = alerts.filter { tracked in
            let alert = tracked.alert
            if let status = filter.status, alert.status.rawValue != status { return false }
            if let severity = filter.severity, alert.severity.rawValue != severity { return false }
            if let match = filter.match {
                let text = alert.labels.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + " " + (alert.annotations["summary"] ?? "")
                return text.localizedCaseInsensitiveContains(match)
            }
            return true
        }
        let now = Date()
        let silenceRows = silences.sorted { $0.endsAt > $1.endsAt }.map { silence -> (attributes: String, cells: [String]) in
            let state = silence.state(at: now).rawValue
            let button = state == "expired" ? "" : "<button type=\"button\" class=\"needs-js\" data-expire=\"\(silence.id)\">Expire</button>"
            return ("data-silence-id=\"\(silence.id)\"",
                    [String(silence.id), HTML.escape(silence.matchers.map(\.description).joined(separator: ", ")), HTML.badge(state, kind: state),
                     HTML.time(silence.startsAt), HTML.time(silence.endsAt), HTML.escape(silence.createdBy), HTML.escape(silence.comment), button])
        }
        let notificationRows = notifications.map { record -> (attributes: String, cells: [String]) in
            ("", [String(record.id), HTML.escape(record.sink), HTML.badge(record.status.rawValue, kind: record.status.rawValue),
                  String(record.attempts), HTML.time(record.updated), HTML.escape(record.lastError ?? "")])
        }
        return """
        \(configured ? "" : "<p class=\"empty\">Alerting is not configured on this server.</p>")
        <form class="filters" method="get" aria-label="Filter alerts">
        \(DashboardForms.select("status", label: "Status", options: ["firing", "resolved"], selected: filter.status))
        \(DashboardForms.select("severity", label: "Severity", options: AlertSeverity.allCases.map(\.rawValue), selected: filter.severity))
        <label>Labels containing <input name="q" type="search" value="\(HTML.escape(filter.match ?? ""))"></label>
        <button type="submit">Filter</button>
        </form>
        <section aria-labelledby="alerts-heading" data-live="alerts">
        <h2 id="alerts-heading">Alerts</h2>
        \(HTML.table(caption: "Firing, flapping and recently resolved alerts, newest first", headers: AlertRows.headers(controls: true),
                     rows: AlertRows.rows(shown, controls: true), empty: "No alert matches."))
        </section>
        <section aria-labelledby="silences-heading" data-live="silences">
        <h2 id="silences-heading">Silences</h2>
        \(HTML.table(caption: "Silences by label matchers", headers: ["#", "Matchers", "State", "From", "Until", "By", "Comment", "Act"],
                     rows: silenceRows, empty: "No silence."))
        </section>
        <section aria-labelledby="sent-heading" data-live="notifications">
        <h2 id="sent-heading">Notifications sent</h2>
        \(HTML.table(caption: "The latest messages queued for the sinks and their delivery", headers: ["#", "Sink", "Status", "Attempts", "Updated", "Last error"],
                     rows: notificationRows, empty: "No notification yet."))
        </section>
        """
    }
}
