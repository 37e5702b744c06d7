import Foundation

extension AlertDispatcher {
    /// A firing alert with no firing predecessor: routed at once, unless it is flapping and held.
    mutating func startEpisode(_ alert: Alert, lineage: Fingerprint, at now: Date) {
        var history = state.alerts[lineage]?.flapHistory ?? FlapHistory()
        let held = history.recordFiring(at: now, policy: configuration.flapping)
        state.alerts[lineage] = TrackedAlert(alert: alert, expiresAt: expiry(of: alert, at: now),
                                             heldSince: held ? now : nil, isAcknowledged: false,
                                             flapHistory: history)
        if !held { publish(alert, at: now, escalation: false) }
    }

    /// The same firing alert again: its groups get the new copy, no notification is triggered.
    mutating func refresh(_ alert: Alert, lineage: Fingerprint, at now: Date) {
        state.alerts[lineage]!.alert = alert
        state.alerts[lineage]!.expiresAt = expiry(of: alert, at: now)
        if state.alerts[lineage]!.heldSince == nil { publish(alert, at: now, escalation: false) }
    }

    /// A higher severity: the old alert resolves as superseded, the new one is routed, released if
    /// held, no longer acknowledged, and its groups flush at once.
    mutating func escalate(to alert: Alert, lineage: Fingerprint, at now: Date) {
        var tracked = state.alerts[lineage]!
        if tracked.heldSince == nil { resolveCopies(of: tracked.alert.fingerprint, endsAt: now) }
        tracked.alert = alert
        tracked.expiresAt = expiry(of: alert, at: now)
        tracked.heldSince = nil
        tracked.isAcknowledged = false
        state.alerts[lineage] = tracked
        publish(alert, at: now, escalation: true)
    }

    /// Resolves the firing alert of a lineage, if any, at `endsAt`.
    mutating func resolveEpisode(of lineage: Fingerprint, endsAt: Date) {
        guard var tracked = state.alerts[lineage], tracked.isFiring else { return }
        tracked.alert.status = .resolved
        tracked.alert.endsAt = endsAt
        tracked.expiresAt = nil
        tracked.isAcknowledged = false
        tracked.flapHistory.recordResolution(at: endsAt)
        if tracked.heldSince == nil { resolveCopies(of: tracked.alert.fingerprint, endsAt: endsAt) }
        tracked.heldSince = nil
        state.alerts[lineage] = tracked
    }

    /// Releases a held alert that has been firing for the hold-down time.
    mutating func release(_ lineage: Fingerprint, at now: Date) {
        state.alerts[lineage]!.heldSince = nil
        state.alerts[lineage]!.flapHistory.settle()
        publish(state.alerts[lineage]!.alert, at: now, escalation: false)
    }

    /// Puts the alert into the group of every route it takes, creating groups as needed.
    private mutating func publish(_ alert: Alert, at now: Date, escalation: Bool) {
        for route in tree.routes(for: alert.labels) {
            let groupLabels = route.grouping.groupLabels(of: alert.labels)
            let key = "\(route.id):\(LabelText.labelSet(groupLabels))"
            if state.groups[key] == nil {
                state.groups[key] = AggregationGroup(key: key, routeID: route.id, labels: groupLabels,
                                                     firstFlush: now.addingTimeInterval(route.groupWait))
            }
            state.groups[key]!.insert(alert)
            if escalation { state.groups[key]!.escalate(alert.fingerprint, at: now) }
        }
    }

    /// Marks every group's copy of the alert resolved.
    private mutating func resolveCopies(of fingerprint: Fingerprint, endsAt: Date) {
        for key in state.groups.keys {
            state.groups[key]!.resolve(fingerprint, endsAt: endsAt)
        }
    }

    /// When a firing alert received at `now` resolves unless refreshed.
    private func expiry(of alert: Alert, at now: Date) -> Date {
        alert.endsAt ?? now.addingTimeInterval(configuration.resolveTimeout)
    }
}
