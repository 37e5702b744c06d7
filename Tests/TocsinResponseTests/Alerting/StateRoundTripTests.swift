import Foundation
import Testing
import TocsinResponse

@Suite("Persisted state")
struct StateRoundTripTests {
    static let route = Route(receiver: "chat", groupBy: .labels(["service"]), repeatInterval: 3_600, routes: [
        Route(receiver: "pager", matchers: [.equal("severity", "critical")]),
    ])

    /// Four hours of a busy service: a steady alert, a flapping one, an alert escalating to critical
    /// (which inhibits a warning on its instance), a silence and an acknowledgement.
    static func operate(_ dispatcher: inout AlertDispatcher, at time: TimeInterval) throws {
        let minute = Int(time / 60)
        if time == 0 {
            try dispatcher.addSilence(matchers: [.equal("alertname", "QueueDepth")], startsAt: Clock.at(0),
                                      endsAt: Clock.at(7_200), createdBy: "ana", comment: "migration")
        }
        if time == 4_020 {
            dispatcher.acknowledge(Alert.make("SteadyAnomaly", service: "search", instance: "i-9").fingerprint,
                                   at: Clock.at(time))
        }
        var alerts: [Alert] = [.make("SteadyAnomaly", service: "search", instance: "i-9")]
        if time < 3_600 {
            alerts.append(.make("FlappyAnomaly", status: minute.isMultiple(of: 2) ? .firing : .resolved))
        }
        if time >= 1_800 && time < 9_000 {
            alerts.append(.make("Saturation", service: "db", instance: "i-1", severity: time >= 5_400 ? .critical : .warning))
        }
        if time >= 2_000 && time < 12_000 {
            alerts.append(.make("Latency", service: "db", series: "p99", instance: "i-1"))
        }
        if time >= 300 && time < 10_000 {
            alerts.append(.make("QueueDepth", service: "jobs", series: "depth"))
        }
        for alert in alerts {
            dispatcher.receive(alert, at: Clock.at(time))
        }
    }

    /// Restarts right after receiving at 3,660 s (a repeat notification due at 3,630 s is still
    /// undelivered) and at 5,400 s (an escalation is due at once).
    @Test("restoring the state mid-stream gives the same notifications as never stopping")
    func roundTrip() throws {
        var original = try AlertDispatcher.make(route: Self.route)
        var restarted = try AlertDispatcher.make(route: Self.route)
        var expected: [AlertNotification] = []
        var actual: [AlertNotification] = []
        for time in stride(from: 0.0, through: 14_400, by: 60) {
            try Self.operate(&original, at: time)
            try Self.operate(&restarted, at: time)
            if time == 3_660 || time == 5_400 {
                let data = try JSONEncoder().encode(restarted.state)
                let state = try JSONDecoder().decode(AlertingState.self, from: data)
                #expect(state == restarted.state)
                restarted = try AlertDispatcher(configuration: restarted.configuration, state: state)
            }
            expected += original.advance(to: Clock.at(time))
            actual += restarted.advance(to: Clock.at(time))
        }
        #expect(actual == expected)
        let reasons = Set(expected.map(\.reason))
        #expect(reasons.isSuperset(of: [.firstNotification, .newAlerts, .allResolved, .repeatInterval, .escalation]))
        #expect(expected.contains { $0.reason == .escalation && $0.sentAt == Clock.at(5_400) && $0.receiver == "pager" })
        #expect(expected.filter { $0.groupLabels["service"] == "jobs" }.first?.sentAt ?? .distantPast >= Clock.at(7_200))
    }

    @Test("a restored dispatcher does not notify again what was already sent")
    func noRenotification() throws {
        var dispatcher = try AlertDispatcher.make()
        _ = dispatcher.run(to: 600) { _ in [.make()] }
        let data = try JSONEncoder().encode(dispatcher.state)
        var restored = try AlertDispatcher(configuration: dispatcher.configuration,
                                           state: JSONDecoder().decode(AlertingState.self, from: data))
        #expect(restored.run(from: 660, to: 3_600) { _ in [.make()] }.isEmpty)
    }

    @Test("groups of routes removed from the configuration are dropped on restore")
    func changedConfiguration() throws {
        var dispatcher = try AlertDispatcher.make(route: Route(receiver: "chat", routes: [
            Route(receiver: "pager", matchers: [.equal("service", "checkout")]),
        ]))
        _ = dispatcher.run(to: 60) { _ in [.make()] }
        var restored = try AlertDispatcher(
            configuration: AlertingConfiguration(route: Route(receiver: "chat"), receivers: [Receiver(name: "chat")]),
            state: dispatcher.state)
        let sent = restored.run(from: 120, to: 600) { _ in [.make()] }
        #expect(sent.map(\.receiver) == ["chat"])
        #expect(sent.first?.sentAt == Clock.at(150))
    }
}
