import Foundation

/// The alerts of one route that share the values of its `group_by` labels, notified together.
///
/// A new group flushes first after the route's group wait, then every group interval. A flush
/// notifies the receiver when Alertmanager would (new firing alerts, resolutions, or the repeat
/// interval passed) and then forgets the resolved alerts; a group left empty is discarded.
struct AggregationGroup: Sendable, Hashable, Codable {
    /// The route id and the group labels.
    let key: String
    /// The id of the route the group belongs to.
    let routeID: String
    /// The group labels.
    let labels: [String: String]
    /// The group's alerts, firing or resolved but not yet notified as such.
    private(set) var alerts: [Fingerprint: Alert] = [:]
    /// When the group flushes next.
    private(set) var nextFlush: Date
    private var escalated: Set<Fingerprint> = []
    private var log: NotificationLog?

    /// A new, empty group whose first flush is at `firstFlush`.
    init(key: String, routeID: String, labels: [String: String], firstFlush: Date) {
        self.key = key
        self.routeID = routeID
        self.labels = labels
        nextFlush = firstFlush
    }

    /// Whether the group holds no alert.
    var isEmpty: Bool {
        alerts.isEmpty
    }

    /// Adds an alert or replaces the group's copy of it.
    mutating func insert(_ alert: Alert) {
        alerts[alert.fingerprint] = alert
    }

    /// Marks the group's copy of an alert resolved at `endsAt`, if the group has it.
    mutating func resolve(_ fingerprint: Fingerprint, endsAt: Date) {
        guard var alert = alerts[fingerprint] else { return }
        alert.status = .resolved
        alert.endsAt = endsAt
        alerts[fingerprint] = alert
    }

    /// Schedules an immediate flush that reports the alert's escalation.
    mutating func escalate(_ fingerprint: Fingerprint, at time: Date) {
        escalated.insert(fingerprint)
        nextFlush = min(nextFlush, time)
    }

    /// Flushes the group at `time`: decides whether to notify, records what was sent, forgets the
    /// resolved alerts and schedules the next flush. Muted alerts (silenced or inhibited) are left
    /// out, and acknowledged ones do not count towards repeat notifications.
    mutating func flush(at time: Date, route: ResolvedRoute, receiver: Receiver, isMuted: (Alert) -> Bool,
                        isAcknowledged: (Alert) -> Bool) -> AlertNotification? {
        let snapshot = alerts.sorted { ($0.value.startsAt, $0.key) < ($1.value.startsAt, $1.key) }
        let visible = snapshot.filter { !isMuted($0.value) }
        let firing = visible.filter { $0.value.status == .firing }
        let resolved = visible.filter { $0.value.status == .resolved }
        let firingSet = Set(firing.map(\.key))
        let resolvedSet = Set(resolved.map(\.key))
        let repeatDue = log.map { time >= $0.sentAt.addingTimeInterval(route.repeatInterval) } ?? false
            && firing.contains { !isAcknowledged($0.value) }
        let reason = visible.isEmpty ? nil : NotificationLog.reason(
            after: log, firing: firingSet, resolved: resolvedSet, escalated: !escalated.isDisjoint(with: firingSet),
            sendResolved: receiver.sendResolved, repeatDue: repeatDue)
        for (fingerprint, alert) in snapshot where alert.status == .resolved {
            alerts[fingerprint] = nil
        }
        escalated = []
        nextFlush = time.addingTimeInterval(route.groupInterval)
        guard let reason else { return nil }
        log = NotificationLog(firing: firingSet, resolved: resolvedSet, sentAt: time)
        guard !firing.isEmpty || receiver.sendResolved else { return nil }
        return AlertNotification(receiver: receiver.name, groupKey: key, groupLabels: labels, firing: firing.map(\.value),
                                 resolved: receiver.sendResolved ? resolved.map(\.value) : [], reason: reason,
                                 sentAt: time)
    }
}
