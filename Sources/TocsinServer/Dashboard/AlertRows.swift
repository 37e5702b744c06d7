import Foundation
import TocsinResponse

/// Alerts as table rows, the same on the overview and the alerts page.
enum AlertRows {
    /// The header cells matching ``rows(_:controls:)``.
    static func headers(controls: Bool) -> [String] {
        ["Severity", "Status", "Alert", "Service", "Instance", "Since", "Acknowledged"] + (controls ? ["Act"] : [])
    }

    /// One row per alert, newest first; `controls` adds the acknowledge and silence buttons.
    static func rows(_ alerts: [TrackedAlert], controls: Bool) -> [(attributes: String, cells: [String])] {
        alerts.sorted { $0.alert.startsAt > $1.alert.startsAt }.map { tracked in
            let alert = tracked.alert
            let fingerprint = alert.fingerprint.description
            let status = tracked.heldSince != nil && tracked.isFiring ? "flapping" : alert.status.rawValue
            let summary = alert.annotations["summary"] ?? alert.labels["alertname"] ?? fingerprint
            var name = "<strong>\(HTML.escape(alert.labels["alertname"] ?? "alert"))</strong> <span class=\"muted\">\(HTML.escape(summary))</span>"
            if let incident = alert.annotations["incident"], let id = Int64(incident) {
                name += " <a href=\"/incidents/\(id)\">incident #\(id)</a>"
            }
            var cells = [HTML.badge(alert.severity.rawValue, kind: alert.severity.rawValue), HTML.badge(status, kind: status), name,
                         HTML.escape(alert.labels["service"] ?? ""), HTML.escape(alert.labels["instance"] ?? ""), HTML.time(alert.startsAt),
                         tracked.isAcknowledged ? HTML.badge("acknowledged", kind: "ok") : "no"]
            if controls {
                var buttons = ""
                if tracked.isFiring, !tracked.isAcknowledged {
                    buttons += "<button type=\"button\" class=\"needs-js\" data-ack=\"\(fingerprint)\">Acknowledge</button> "
                }
                let matchers = ["alertname", "service", "instance"].compactMap { name in alert.labels[name].map { (name, $0) } }
                let json = "[" + matchers.map { matcher -> String in "{\"name\":\"\(jsonEscape(matcher.0))\",\"value\":\"\(jsonEscape(matcher.1))\"}" }
                    .joined(separator: ",") + "]"
                buttons += "<button type=\"button\" class=\"needs-js\" data-silence=\"\(HTML.escape(json))\">Silence 1 h</button>"
                cells.append(buttons)
            }
            return ("data-fingerprint=\"\(fingerprint)\" data-status=\"\(HTML.escape(status))\"", cells)
        }
    }

    /// `text` escaped for a JSON string.
    private static func jsonEscape(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
