import Foundation
import TocsinStore

/// Remediation actions as table rows, the same on the overview, the actions page and an incident's page.
enum ActionRows {
    /// The header cells matching ``rows(_:audit:controls:)``.
    static func headers(controls: Bool) -> [String] {
        ["#", "Policy", "Action", "Target", "Status", "Incident", "Updated", "Detail"] + (controls ? ["Act"] : [])
    }

    /// One row per action; `audit` adds each action's trail under its detail, `controls` the approve button.
    static func rows(_ actions: [ActionRecord], audit: [Int64: [AuditEntry]] = [:], controls: Bool) -> [(attributes: String, cells: [String])] {
        actions.map { action in
            var detail = HTML.escape(action.detail)
            if let trail = audit[action.id], !trail.isEmpty {
                detail += "<details><summary>Audit trail (\(trail.count))</summary><ol class=\"audit\">"
                for entry in trail.sorted(by: { $0.at < $1.at }) {
                    detail += "<li>\(HTML.time(entry.at)) <strong>\(HTML.escape(entry.event))</strong> \(HTML.escape(entry.detail))</li>"
                }
                detail += "</ol></details>"
            }
            var cells = [String(action.id), HTML.escape(action.policy), HTML.escape(action.kind), HTML.escape(action.target),
                         HTML.badge(action.status.rawValue, kind: action.status.rawValue),
                         action.incident.map { "<a href=\"/incidents/\($0)\">#\($0)</a>" } ?? "", HTML.time(action.updated), detail]
            if controls {
                cells.append(action.status == .awaitingApproval
                    ? "<button type=\"button\" class=\"needs-js\" data-approve=\"\(action.id)\">Approve</button>" : "")
            }
            return ("data-action-id=\"\(action.id)\" data-status=\"\(action.status.rawValue)\"", cells)
        }
    }
}
