import Foundation
import TocsinCore
import TocsinResponse

/// A notification as text for people: a title such as `[FIRING:3] high_cpu service=api
/// (critical)` and one line per alert, with its summary, score and root-cause hints. Used by
/// the console, Slack, SNS and e-mail sinks.
struct NotificationText: Sendable {
    let title: String
    let lines: [String]

    init(_ notification: AlertNotification) {
        let firing = notification.firing
        let status = firing.isEmpty ? "RESOLVED" : "FIRING:\(firing.count)"
        let names = Set((firing + notification.resolved).compactMap { $0.labels["alertname"] }).sorted()
        let group = notification.groupLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let severity = firing.map(\.severity).max()
        var title = "[\(status)] \(names.joined(separator: ", "))"
        if !group.isEmpty { title += " \(group)" }
        if let severity { title += " (\(severity.rawValue))" }
        if notification.reason == .escalation { title += " escalated" }
        if notification.isRepeat { title += " (reminder)" }
        self.title = title
        var lines: [String] = []
        for alert in firing { lines += Self.describe(alert, resolved: false) }
        for alert in notification.resolved { lines += Self.describe(alert, resolved: true) }
        self.lines = lines
    }

    /// Title, blank line, the alert lines.
    var body: String { ([title, ""] + lines).joined(separator: "\n") }

    private static func describe(_ alert: Alert, resolved: Bool) -> [String] {
        let subject = alert.annotations["summary"] ?? alert.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        var line = "- \(resolved ? "resolved: " : "")[\(alert.severity.rawValue)] \(subject)"
        line += " since \(UTCTimestamp.iso8601(alert.startsAt.timeIntervalSince1970))"
        var lines = [line]
        if let description = alert.annotations["description"], !description.isEmpty { lines.append("  \(description)") }
        if let hints = alert.annotations["root_cause"], !hints.isEmpty {
            lines += hints.split(separator: "\n").map { "  \($0)" }
        }
        return lines
    }
}
