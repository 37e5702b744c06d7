import Foundation
import Testing
import TocsinResponse

@Suite("Acknowledgements")
struct AcknowledgementTests {
    static let hourlyRepeats = Route(receiver: "chat", groupBy: .labels(["service"]), repeatInterval: 3_600)

    @Test("acknowledging an alert stops its repeat notifications")
    func stopsRepeats() throws {
        var acknowledged = try AlertDispatcher.make(route: Self.hourlyRepeats)
        var control = try AlertDispatcher.make(route: Self.hourlyRepeats)
        var sent = acknowledged.run(to: 60) { _ in [.make()] }
        let found = acknowledged.acknowledge(Alert.make().fingerprint, at: Clock.at(90))
        #expect(found)
        #expect(acknowledged.trackedAlerts.first?.isAcknowledged == true)
        sent += acknowledged.run(from: 120, to: 18_000) { _ in [.make()] }
        #expect(sent.map(\.reason) == [.firstNotification])
        #expect(control.run(to: 18_000) { _ in [.make()] }.filter(\.isRepeat).count == 4)
    }

    @Test("an acknowledged alert still shows in its group's other notifications, which keep repeating")
    func otherAlertsRepeat() throws {
        var dispatcher = try AlertDispatcher.make(route: Self.hourlyRepeats)
        var sent = dispatcher.run(to: 60) { _ in [.make(series: "a")] }
        let key = try #require(sent.first?.groupKey)
        let count = dispatcher.acknowledge(groupKey: key, at: Clock.at(60))
        #expect(count == 1)
        sent += dispatcher.run(from: 120, to: 7_200) { time in
            time >= 600 ? [.make(series: "a"), .make(series: "b")] : [.make(series: "a")]
        }
        #expect(sent.map(\.reason) == [.firstNotification, .newAlerts, .repeatInterval])
        #expect(sent.last?.firingNames == ["LatencyAnomaly/a", "LatencyAnomaly/b"])
        let unknown = dispatcher.acknowledge(Fingerprint(rawValue: 7), at: Clock.at(7_200))
        #expect(!unknown)
    }

    @Test("an acknowledgement ends when the alert resolves")
    func endsOnResolve() throws {
        var dispatcher = try AlertDispatcher.make(route: Self.hourlyRepeats)
        var sent = dispatcher.run(to: 60) { _ in [.make()] }
        dispatcher.acknowledge(Alert.make().fingerprint, at: Clock.at(60))
        dispatcher.receive(.make(status: .resolved), at: Clock.at(120))
        sent += dispatcher.run(from: 1_800, to: 9_000) { _ in [.make(start: 1_800)] }
        #expect(sent.map(\.reason) == [.firstNotification, .allResolved, .firstNotification, .repeatInterval])
        #expect(dispatcher.trackedAlerts.first?.isAcknowledged == false)
    }

    @Test("an acknowledgement ends when the severity rises")
    func endsOnEscalation() throws {
        var dispatcher = try AlertDispatcher.make(route: Self.hourlyRepeats)
        var sent = dispatcher.run(to: 60) { _ in [.make()] }
        dispatcher.acknowledge(Alert.make().fingerprint, at: Clock.at(60))
        sent += dispatcher.run(from: 120, to: 7_200) { time in [.make(severity: time >= 600 ? .critical : .warning)] }
        #expect(sent.map(\.reason) == [.firstNotification, .escalation, .repeatInterval])
        #expect(sent.last?.firing.map(\.severity) == [.critical])
    }
}
