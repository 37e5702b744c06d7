import Foundation
import Testing
import TocsinResponse

@Suite("Escalation")
struct EscalationTests {
    @Test("a rising severity re-notifies the group at once, without waiting for the group interval")
    func sameGroup() throws {
        var dispatcher = try AlertDispatcher.make()
        var sent = dispatcher.run(to: 60) { _ in [.make(severity: .warning)] }
        dispatcher.receive(.make(severity: .critical), at: Clock.at(100))
        sent += dispatcher.advance(to: Clock.at(100))
        #expect(sent.map(\.reason) == [.firstNotification, .escalation])
        let escalation = try #require(sent.last)
        #expect(escalation.sentAt == Clock.at(100))
        #expect(escalation.firing.map(\.severity) == [.critical])
        #expect(escalation.firing.first?.startsAt == Clock.at(0))
        #expect(escalation.resolved.map(\.severity) == [.warning])
        #expect(escalation.groupKey == sent[0].groupKey)
    }

    @Test("a critical alert can take another route, and the first receiver hears the warning ended")
    func otherReceiver() throws {
        let route = Route(receiver: "chat", groupBy: .labels(["service"]), routes: [
            Route(receiver: "pager", matchers: [.equal("severity", "critical")]),
        ])
        var dispatcher = try AlertDispatcher.make(route: route)
        var sent = dispatcher.run(to: 60) { _ in [.make(severity: .warning)] }
        sent += dispatcher.run(from: 100, to: 400, step: 100) { _ in [.make(severity: .critical)] }
        #expect(sent.map(\.receiver) == ["chat", "pager", "chat"])
        #expect(sent.map(\.reason) == [.firstNotification, .escalation, .allResolved])
        #expect(sent.map(\.sentAt) == [Clock.at(30), Clock.at(100), Clock.at(330)])
    }

    @Test("a lower severity does not lower a firing alert's severity, nor notify")
    func severityIsSticky() throws {
        var dispatcher = try AlertDispatcher.make()
        let sent = dispatcher.run(to: 1_200) { time in [.make(severity: time == 0 ? .critical : .warning)] }
        #expect(sent.count == 1)
        #expect(dispatcher.trackedAlerts.map(\.alert.severity) == [.critical])
        #expect(dispatcher.trackedAlerts.first?.alert.updatedAt == Clock.at(1_200))
    }

    @Test("an escalation releases a held flapping alert at once")
    func releasesHeldAlert() throws {
        var dispatcher = try AlertDispatcher.make()
        var sent = dispatcher.run(to: 120) { time in
            [.make(status: time == 60 ? .resolved : .firing)]
        }
        #expect(dispatcher.trackedAlerts.first?.heldSince == Clock.at(120))
        dispatcher.receive(.make(severity: .critical), at: Clock.at(150))
        sent += dispatcher.advance(to: Clock.at(150))
        #expect(sent.map(\.reason) == [.firstNotification, .escalation])
        #expect(sent.last?.sentAt == Clock.at(150))
        #expect(sent.last?.resolved.map(\.endsAt) == [Clock.at(60)])
    }
}
