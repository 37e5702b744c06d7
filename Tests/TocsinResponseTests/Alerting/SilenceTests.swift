import Foundation
import Testing
import TocsinResponse

@Suite("Silences")
struct SilenceTests {
    @Test("a silence suppresses matching alerts, which are notified once it ends if still firing")
    func suppressThenRelease() throws {
        var dispatcher = try AlertDispatcher.make()
        let silence = try dispatcher.addSilence(matchers: [.equal("service", "checkout")], startsAt: Clock.at(0),
                                                endsAt: Clock.at(1_200), createdBy: "ana", comment: "deploy")
        let sent = dispatcher.run(from: 60, to: 2_400) { _ in [.make(), .make(service: "search")] }
        #expect(sent.filter { $0.groupLabels["service"] == "search" }.map(\.sentAt) == [Clock.at(90)])
        let checkout = sent.filter { $0.groupLabels["service"] == "checkout" }
        #expect(checkout.map(\.sentAt) == [Clock.at(1_290)])
        #expect(checkout.first?.reason == .firstNotification)
        #expect(dispatcher.trackedAlerts.filter(\.isFiring).count == 2)
        #expect(silence.id == 1)
        #expect(silence.state(at: Clock.at(-1)) == .pending)
        #expect(silence.state(at: Clock.at(0)) == .active)
        #expect(silence.state(at: Clock.at(1_200)) == .expired)
    }

    @Test("expiring a silence early releases its alerts at the next flush")
    func expireEarly() throws {
        var dispatcher = try AlertDispatcher.make()
        let silence = try dispatcher.addSilence(matchers: [.equal("severity", "warning")], startsAt: Clock.at(0),
                                                endsAt: Clock.at(86_400), createdBy: "ana", comment: "noisy")
        var sent = dispatcher.run(from: 60, to: 540) { _ in [.make()] }
        #expect(sent.isEmpty)
        let expired = dispatcher.expireSilence(id: silence.id, at: Clock.at(600))
        let expiredAgain = dispatcher.expireSilence(id: silence.id, at: Clock.at(601))
        let unknown = dispatcher.expireSilence(id: 42, at: Clock.at(601))
        #expect(expired && !expiredAgain && !unknown)
        sent += dispatcher.run(from: 600, to: 900) { _ in [.make()] }
        #expect(sent.map(\.sentAt) == [Clock.at(690)])
        #expect(dispatcher.silences.map { $0.state(at: Clock.at(900)) } == [.expired])
    }

    @Test("a silence started after the first notification stops repeats")
    func silencesRepeats() throws {
        var dispatcher = try AlertDispatcher.make(route: Route(receiver: "chat", repeatInterval: 3_600))
        try dispatcher.addSilence(matchers: [.equal("alertname", "LatencyAnomaly")], startsAt: Clock.at(100),
                                  endsAt: Clock.at(20_000), createdBy: "ana", comment: "known")
        let sent = dispatcher.run(to: 14_400) { _ in [.make()] }
        #expect(sent.map(\.reason) == [.firstNotification])
    }

    @Test("expired silences are forgotten after the retention time; invalid silences are rejected")
    func retentionAndValidation() throws {
        var dispatcher = try AlertDispatcher.make()
        try dispatcher.addSilence(matchers: [.equal("service", "a")], startsAt: Clock.at(0), endsAt: Clock.at(60),
                                  createdBy: "ana", comment: "")
        let second = try dispatcher.addSilence(matchers: [.equal("service", "b")], startsAt: Clock.at(0),
                                               endsAt: Clock.at(900_000), createdBy: "bo", comment: "")
        #expect(second.id == 2)
        _ = dispatcher.advance(to: Clock.at(60 + 432_000))
        #expect(dispatcher.silences.map(\.id) == [2])
        #expect(throws: AlertingError.self) {
            try dispatcher.addSilence(matchers: [], startsAt: Clock.at(0), endsAt: Clock.at(60), createdBy: "", comment: "")
        }
        #expect(throws: AlertingError.self) {
            try dispatcher.addSilence(matchers: [.equal("a", "b")], startsAt: Clock.at(60), endsAt: Clock.at(60),
                                      createdBy: "", comment: "")
        }
    }
}
