import Foundation

/// What a group's receiver was last told, as Alertmanager's notification log records it, and the
/// decision of whether a flush must notify again.
struct NotificationLog: Sendable, Hashable, Codable {
    /// The alerts reported firing.
    var firing: Set<Fingerprint>
    /// The alerts reported resolved.
    var resolved: Set<Fingerprint>
    /// When.
    var sentAt: Date

    /// Why a flush showing `firing` and `resolved` must notify after `previous`, or `nil` when it
    /// must not; Alertmanager's rules, plus escalation.
    static func reason(after previous: NotificationLog?, firing: Set<Fingerprint>, resolved: Set<Fingerprint>,
                       escalated: Bool, sendResolved: Bool, repeatDue: Bool) -> AlertNotification.Reason? {
        if escalated { return .escalation }
        guard let previous else { return firing.isEmpty ? nil : .firstNotification }
        if !firing.isSubset(of: previous.firing) {
            return previous.firing.isEmpty ? .firstNotification : .newAlerts
        }
        if firing.isEmpty { return previous.firing.isEmpty ? nil : .allResolved }
        if sendResolved && !resolved.isSubset(of: previous.resolved) { return .someResolved }
        return repeatDue ? .repeatInterval : nil
    }
}
