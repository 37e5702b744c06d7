import Foundation

extension AlertDispatcher {
    /// Runs every event due strictly before `time`; returns the dispatcher's time afterwards.
    mutating func runEvents(before time: Date) -> Date {
        run(until: time, inclusive: false)
    }

    /// Runs every event due up to and including `time`.
    mutating func runEvents(through time: Date) {
        _ = run(until: time, inclusive: true)
    }

    private mutating func run(until time: Date, inclusive: Bool) -> Date {
        let target = max(time, state.clock ?? time)
        // Nothing is ever scheduled before the clock, so a batch received at one time catches up once.
        guard inclusive || target != state.clock else { return target }
        var inhibitor: Inhibitor?
        while let event = nextEvent(), inclusive ? event.time <= target : event.time < target {
            let now = max(event.time, state.clock ?? event.time)
            state.clock = now
            switch event.action {
            case .expiry(let lineage):
                resolveEpisode(of: lineage, endsAt: state.alerts[lineage]!.expiresAt!)
                inhibitor = nil
            case .release(let lineage):
                release(lineage, at: now)
                inhibitor = nil
            case .flush(let key):
                let current = inhibitor ?? Inhibitor(
                    rules: configuration.inhibitRules,
                    sources: configuration.inhibitRules.isEmpty
                        ? [] : state.alerts.values.filter(\.isPublishedFiring).map(\.alert.labels))
                inhibitor = current
                flush(key, at: now, inhibitor: current)
            }
        }
        state.clock = target
        forgetStale(at: target)
        return target
    }

    private func nextEvent() -> ScheduledEvent? {
        var earliest: ScheduledEvent?
        func consider(_ time: Date, _ action: @autoclosure () -> ScheduledEvent.Action) {
            guard earliest.map({ time <= $0.time }) ?? true else { return }
            let event = ScheduledEvent(time: time, action: action())
            if earliest.map({ event < $0 }) ?? true { earliest = event }
        }
        let holdDown = configuration.flapping.holdDown
        for index in state.alerts.indices {
            let lineage = state.alerts.keys[index]
            if let expiresAt = state.alerts.values[index].expiresAt {
                consider(expiresAt, .expiry(lineage))
            }
            if let heldSince = state.alerts.values[index].heldSince {
                consider(heldSince.addingTimeInterval(holdDown), .release(lineage))
            }
        }
        for index in state.groups.indices {
            consider(state.groups.values[index].nextFlush, .flush(state.groups.keys[index]))
        }
        return earliest
    }

    private mutating func flush(_ key: String, at now: Date, inhibitor: Inhibitor) {
        var group = state.groups.removeValue(forKey: key)!
        let route = tree.route(id: group.routeID)!
        let notification = group.flush(
            at: now, route: route, receiver: receivers[route.receiver]!,
            isMuted: { alert in
                state.silences.contains { $0.silences(alert.labels, at: now) } || inhibitor.inhibits(alert.labels)
            },
            isAcknowledged: { alert in
                guard let tracked = state.alerts[alert.lineage] else { return false }
                return tracked.isAcknowledged && tracked.alert.fingerprint == alert.fingerprint
            })
        if !group.isEmpty { state.groups[key] = group }
        if let notification { state.outbox.append(notification) }
    }

    /// Forgets resolved conditions that can no longer count as flapping and silences past retention.
    private mutating func forgetStale(at now: Date) {
        let window = configuration.flapping.window
        let stale = state.alerts.compactMap { lineage, tracked in
            !tracked.isFiring && tracked.flapHistory.lastResolvedAt.map { now.timeIntervalSince($0) >= window } == true
                ? lineage : nil
        }
        for lineage in stale {
            state.alerts[lineage] = nil
        }
        let retention = configuration.silenceRetention
        state.silences.removeAll { now.timeIntervalSince($0.endsAt) >= retention }
    }
}
