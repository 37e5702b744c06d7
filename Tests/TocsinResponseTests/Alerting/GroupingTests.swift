import Foundation
import Testing
import TocsinResponse

@Suite("Dispatcher grouping and timing")
struct GroupingTests {
    @Test("100 alerts on one service within group wait make exactly one notification")
    func batchedSummary() throws {
        var dispatcher = try AlertDispatcher.make()
        for index in 0..<100 {
            dispatcher.receive(.make(series: "series-\(index)"), at: Clock.at(Double(index) * 0.25))
        }
        #expect(dispatcher.advance(to: Clock.at(29.9)).isEmpty)
        let sent = dispatcher.advance(to: Clock.at(30))
        #expect(sent.count == 1)
        let notification = try #require(sent.first)
        #expect(notification.firing.count == 100)
        #expect(Set(notification.firing.map(\.fingerprint)).count == 100)
        #expect(notification.resolved.isEmpty)
        #expect(notification.reason == .firstNotification)
        #expect(notification.receiver == "chat")
        #expect(notification.groupLabels == ["service": "checkout"])
        #expect(notification.sentAt == Clock.at(30))
        #expect(notification.firing.map(\.startsAt) == notification.firing.map(\.startsAt).sorted())
        #expect(dispatcher.advance(to: Clock.at(290)).isEmpty)
    }

    @Test("group_by splits services into separate notifications")
    func separateGroups() throws {
        var dispatcher = try AlertDispatcher.make()
        dispatcher.receive(.make(service: "checkout"), at: Clock.at(0))
        dispatcher.receive(.make(service: "search"), at: Clock.at(1))
        let sent = dispatcher.advance(to: Clock.at(31))
        #expect(sent.map(\.groupLabels) == [["service": "checkout"], ["service": "search"]])
        #expect(Set(sent.map(\.groupKey)).count == 2)
    }

    @Test("groups due at the same time notify in group-key order, whatever the arrival order")
    func sameTimeOrder() throws {
        var dispatcher = try AlertDispatcher.make()
        for service in ["search", "checkout", "payments", "auth"] {
            dispatcher.receive(.make(service: service), at: Clock.at(0))
        }
        let sent = dispatcher.advance(to: Clock.at(30))
        #expect(sent.map { $0.groupLabels["service"]! } == ["auth", "checkout", "payments", "search"])
        #expect(sent.map(\.groupKey) == sent.map(\.groupKey).sorted())
    }

    @Test("an alert added after the first flush waits for the group interval")
    func groupInterval() throws {
        var dispatcher = try AlertDispatcher.make()
        dispatcher.receive(.make(series: "a", endsAt: 3_600), at: Clock.at(0))
        #expect(dispatcher.advance(to: Clock.at(30)).count == 1)
        dispatcher.receive(.make(series: "b", endsAt: 3_600), at: Clock.at(60))
        #expect(dispatcher.advance(to: Clock.at(329)).isEmpty)
        let sent = dispatcher.advance(to: Clock.at(330))
        #expect(sent.count == 1)
        #expect(sent.first?.reason == .newAlerts)
        #expect(sent.first?.firingNames == ["LatencyAnomaly/a", "LatencyAnomaly/b"])
    }

    @Test("an unchanged firing group is notified again after the repeat interval")
    func repeatInterval() throws {
        var dispatcher = try AlertDispatcher.make(route: Route(receiver: "chat", repeatInterval: 3_600))
        let sent = dispatcher.run(to: 10_800) { _ in [.make()] }
        #expect(sent.map(\.sentAt) == [Clock.at(30), Clock.at(3_630), Clock.at(7_230)])
        #expect(sent.map(\.isRepeat) == [false, true, true])
        #expect(sent.allSatisfy { $0.firing.count == 1 })
    }

    @Test("receiving the same alert again refreshes it and never notifies twice")
    func deduplication() throws {
        var dispatcher = try AlertDispatcher.make()
        let sent = dispatcher.run(to: 1_200, step: 20) { time in [.make(score: time)] }
        #expect(sent.count == 1)
        let tracked = try #require(dispatcher.trackedAlerts.first)
        #expect(dispatcher.trackedAlerts.count == 1)
        #expect(tracked.alert.annotations["score"] == "1200.0")
        #expect(tracked.alert.updatedAt == Clock.at(1_200))
        #expect(tracked.alert.startsAt == Clock.at(0))
    }

    @Test("a resolved alert is notified at the next group interval, to receivers that want it")
    func resolvedNotification() throws {
        for receiver in ["chat", "quiet"] {
            var dispatcher = try AlertDispatcher.make(route: Route(receiver: receiver))
            var sent = dispatcher.run(to: 600) { _ in [.make()] }
            dispatcher.receive(.make(status: .resolved), at: Clock.at(660))
            sent += dispatcher.advance(to: Clock.at(3_600))
            if receiver == "chat" {
                #expect(sent.map(\.reason) == [.firstNotification, .allResolved])
                #expect(sent.last?.sentAt == Clock.at(930))
                #expect(sent.last?.firing.isEmpty == true)
                #expect(sent.last?.resolved.map(\.endsAt) == [Clock.at(660)])
                #expect(sent.last?.resolved.map(\.status) == [.resolved])
            } else {
                #expect(sent.map(\.reason) == [.firstNotification])
            }
        }
    }

    @Test("an alert that is not received again expires after the resolve timeout")
    func expiry() throws {
        var dispatcher = try AlertDispatcher.make()
        var sent = dispatcher.run(to: 600) { _ in [.make()] }
        sent += dispatcher.advance(to: Clock.at(1_200))
        #expect(sent.map(\.reason) == [.firstNotification, .allResolved])
        #expect(sent.last?.sentAt == Clock.at(930))
        #expect(sent.last?.resolved.first?.endsAt == Clock.at(900))
        #expect(dispatcher.trackedAlerts.first?.isFiring == false)
    }

    @Test("some alerts resolving while others fire is notified as such")
    func someResolved() throws {
        var dispatcher = try AlertDispatcher.make()
        dispatcher.receive(.make(series: "a", endsAt: 3_600), at: Clock.at(0))
        dispatcher.receive(.make(series: "b", endsAt: 100), at: Clock.at(0))
        let sent = dispatcher.advance(to: Clock.at(330))
        #expect(sent.map(\.reason) == [.firstNotification, .someResolved])
        #expect(sent.last?.firingNames == ["LatencyAnomaly/a"])
        #expect(sent.last?.resolved.map(\.labels["series"]) == ["b"])
    }
}
