import Foundation

/// Alertmanager's dispatcher as a deterministic value: alerts go in with ``receive(_:at:)``, time
/// moves on with ``advance(to:)``, and notifications come out. It never reads a clock and does no I/O.
///
/// - Alerts are deduplicated by lineage (their labels apart from `severity`): receiving a firing alert
///   again refreshes it. A firing alert without `endsAt` resolves when it has not been received for
///   the resolve timeout.
/// - Each alert is routed through the ``RoutingTree`` into one aggregation group per route it takes
///   and per value of that route's `group_by` labels; each group notifies its route's receiver in
///   batches (group wait, group interval, repeat interval): one ``AlertNotification`` per flush.
/// - Silences and inhibition mute alerts; acknowledgements stop repeats; flapping alerts are held
///   back (``FlapHistory``); a severity that rises notifies at once.
///
/// Time only moves forward: a time earlier than one already seen counts as that latest time.
/// Operations that take a time first run everything due strictly before it; notifications that come
/// due that way wait in the state and are returned by the next ``advance(to:)``.
public struct AlertDispatcher: Sendable {
    /// The configuration the dispatcher was created with.
    public let configuration: AlertingConfiguration
    /// The complete state, to persist.
    public internal(set) var state: AlertingState
    let tree: RoutingTree
    let receivers: [String: Receiver]

    /// Creates a dispatcher, fresh or from a persisted state; throws on an invalid configuration.
    /// Groups of routes that no longer exist in the configuration are dropped.
    public init(configuration: AlertingConfiguration, state: AlertingState = AlertingState()) throws(AlertingError) {
        let tree = try RoutingTree(configuration.route)
        var receivers: [String: Receiver] = [:]
        for receiver in configuration.receivers {
            guard receivers.updateValue(receiver, forKey: receiver.name) == nil else {
                throw AlertingError("receiver \"\(receiver.name)\" is defined twice")
            }
        }
        for route in tree.routes where receivers[route.receiver] == nil {
            throw AlertingError("route \(route.id) names the unknown receiver \"\(route.receiver)\"")
        }
        guard configuration.resolveTimeout.isFinite, configuration.resolveTimeout > 0 else {
            throw AlertingError("the resolve timeout must be positive")
        }
        let flapping = configuration.flapping
        guard flapping.window.isFinite, flapping.window >= 0, flapping.holdDown.isFinite, flapping.holdDown >= 0 else {
            throw AlertingError("the flapping window and hold-down time must be 0 or more")
        }
        guard configuration.silenceRetention.isFinite, configuration.silenceRetention >= 0 else {
            throw AlertingError("the silence retention must be 0 or more")
        }
        var state = state
        state.groups = state.groups.filter { tree.route(id: $0.value.routeID) != nil }
        self.configuration = configuration
        self.tree = tree
        self.receivers = receivers
        self.state = state
    }

    /// Every tracked condition, firing, held or recently resolved, ordered by lineage.
    public var trackedAlerts: [TrackedAlert] {
        state.alerts.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Takes in an alert received at `time` (which becomes its `updatedAt`).
    ///
    /// A firing alert starts a new episode, refreshes the firing alert of the same lineage (its
    /// annotations and expiry; the start time and a higher severity are kept), or escalates it when
    /// its severity is higher. A resolved alert, or a firing one whose `endsAt` has passed, resolves
    /// the firing alert of its lineage.
    public mutating func receive(_ alert: Alert, at time: Date) {
        let now = runEvents(before: time)
        var alert = alert
        alert.updatedAt = now
        let lineage = alert.lineage
        if alert.status == .resolved || alert.endsAt.map({ $0 <= now }) == true {
            resolveEpisode(of: lineage, endsAt: min(alert.endsAt ?? now, now))
            return
        }
        guard let current = state.alerts[lineage], current.isFiring else {
            startEpisode(alert, lineage: lineage, at: now)
            return
        }
        alert.startsAt = min(alert.startsAt, current.alert.startsAt)
        if alert.severity > current.alert.severity {
            escalate(to: alert, lineage: lineage, at: now)
        } else {
            alert.labels[Alert.severityLabel] = current.alert.labels[Alert.severityLabel]
            refresh(alert, lineage: lineage, at: now)
        }
    }

    /// Runs everything due up to and including `time` and returns the notifications to deliver, in
    /// the order they came due.
    public mutating func advance(to time: Date) -> [AlertNotification] {
        runEvents(through: time)
        defer { state.outbox = [] }
        return state.outbox
    }
}
