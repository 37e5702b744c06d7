import Foundation
import Testing
import TocsinResponse

@Suite("Flapping")
struct FlappingTests {
    /// A series that fires on even minutes and resolves on odd ones until `until` seconds, next to a
    /// steady alert on another service.
    static func flapping(until end: TimeInterval) -> (TimeInterval) -> [Alert] {
        { time in
            let minute = Int(time / 60)
            let steady = Alert.make("SteadyAnomaly", service: "search")
            guard time < end else { return [steady] }
            let flappy = Alert.make("FlappyAnomaly", service: "checkout",
                                    status: minute.isMultiple(of: 2) ? .firing : .resolved)
            return [flappy, steady]
        }
    }

    static func notifications(_ sent: [AlertNotification], service: String) -> [AlertNotification] {
        sent.filter { $0.groupLabels["service"] == service }
    }

    @Test("a series flapping every minute for an hour notifies at most a few times; a steady one exactly once")
    func damped() throws {
        var dispatcher = try AlertDispatcher.make()
        let sent = dispatcher.run(to: 3_600, script: Self.flapping(until: 3_600))
        let flappy = Self.notifications(sent, service: "checkout")
        #expect(flappy.count <= 3)
        #expect(flappy.map(\.reason) == [.firstNotification, .allResolved])
        #expect(Self.notifications(sent, service: "search").count == 1)
        let tracked = try #require(dispatcher.trackedAlerts.first { $0.alert.labels["alertname"] == "FlappyAnomaly" })
        #expect(tracked.flapHistory.isFlapping)
    }

    @Test("without damping the same series pages over and over")
    func undamped() throws {
        var dispatcher = try AlertDispatcher.make(flapping: FlapPolicy(window: 0))
        let sent = dispatcher.run(to: 3_600, script: Self.flapping(until: 3_600))
        #expect(Self.notifications(sent, service: "checkout").filter { !$0.firing.isEmpty }.count >= 8)
    }

    @Test("once the series has stayed resolved for the window, a new incident is notified at once")
    func genuineNewIncident() throws {
        var dispatcher = try AlertDispatcher.make()
        _ = dispatcher.run(to: 3_600, script: Self.flapping(until: 3_600))
        let sent = Self.notifications(dispatcher.run(from: 3_660, to: 7_200) { time in
            time >= 4_200 ? [.make("FlappyAnomaly", start: 4_200)] : []
        }, service: "checkout")
        #expect(sent.map(\.sentAt) == [Clock.at(4_230)])
        #expect(sent.first?.firingNames == ["FlappyAnomaly/latency"])
        let tracked = try #require(dispatcher.trackedAlerts.first { $0.alert.labels["alertname"] == "FlappyAnomaly" })
        #expect(!tracked.flapHistory.isFlapping)
    }

    @Test("a flapping series that settles into firing is notified after the hold-down time")
    func settles() throws {
        var dispatcher = try AlertDispatcher.make()
        _ = dispatcher.run(to: 3_600, script: Self.flapping(until: 3_600))
        let sent = Self.notifications(dispatcher.run(from: 3_660, to: 7_200) { time in
            time >= 3_720 ? [.make("FlappyAnomaly", start: 3_720)] : []
        }, service: "checkout")
        #expect(sent.map(\.sentAt) == [Clock.at(4_350)])
        #expect(sent.first?.reason == .firstNotification)
        let tracked = try #require(dispatcher.trackedAlerts.first { $0.alert.labels["alertname"] == "FlappyAnomaly" })
        #expect(!tracked.flapHistory.isFlapping && tracked.isPublishedFiring)
    }
}
