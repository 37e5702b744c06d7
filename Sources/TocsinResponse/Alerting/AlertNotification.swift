import Foundation

/// One message to one receiver about one aggregation group: every alert of the group that is not
/// muted, in a single batch, however many anomalies triggered them.
public struct AlertNotification: Sendable, Hashable, Codable {
    /// Why the group was notified.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The receiver had not been told of any firing alert in the group.
        case firstNotification
        /// Alerts the receiver has not been told about are firing.
        case newAlerts
        /// Some alerts resolved (receivers with `sendResolved` only).
        case someResolved
        /// Every alert the receiver knew to be firing has resolved.
        case allResolved
        /// Nothing changed, but the repeat interval has passed and some alert is not acknowledged.
        case repeatInterval
        /// An alert's severity rose; the group is notified without waiting for its interval.
        case escalation
    }

    /// The receiver to deliver to.
    public let receiver: String
    /// The group's key: its route id and group labels, unique and stable.
    public let groupKey: String
    /// The values of the route's `group_by` labels shared by the group's alerts.
    public let groupLabels: [String: String]
    /// The group's firing alerts, oldest first.
    public let firing: [Alert]
    /// The group's newly resolved alerts, oldest first (empty for receivers without `sendResolved`).
    public let resolved: [Alert]
    /// Why the group was notified.
    public let reason: Reason
    /// When the group was flushed.
    public let sentAt: Date

    /// Whether this only repeats what the receiver was already told.
    public var isRepeat: Bool {
        reason == .repeatInterval
    }
}
