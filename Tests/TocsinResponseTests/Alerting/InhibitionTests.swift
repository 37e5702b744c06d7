import Foundation
import Testing
import TocsinResponse

@Suite("Inhibition")
struct InhibitionTests {
    @Test("a critical alert on an instance inhibits warnings on that instance only")
    func criticalInhibitsWarning() throws {
        var dispatcher = try AlertDispatcher.make()
        dispatcher.receive(.make("DiskFull", instance: "i-1", severity: .critical, endsAt: 100), at: Clock.at(0))
        dispatcher.receive(.make(instance: "i-1", endsAt: 3_600), at: Clock.at(0))
        dispatcher.receive(.make(series: "errors", instance: "i-2", endsAt: 3_600), at: Clock.at(0))
        dispatcher.receive(.make(series: "saturation", endsAt: 3_600), at: Clock.at(0))
        let sent = dispatcher.advance(to: Clock.at(330))
        #expect(sent.count == 2)
        #expect(sent.first?.firingNames == ["DiskFull/latency", "LatencyAnomaly/errors", "LatencyAnomaly/saturation"])
        #expect(sent.last?.reason == .newAlerts)
        #expect(sent.last?.firing.map(\.labels["instance"]).contains("i-1") == true)
        #expect(sent.last?.resolved.map(\.labels["alertname"]) == ["DiskFull"])
    }

    @Test("inhibition follows Alertmanager: equal labels, no self-inhibition, two-sided matches excluded")
    func ruleSemantics() throws {
        let critical = ["severity": "critical", "instance": "i-1"]
        let inhibitor = Inhibitor(rules: [.criticalInhibitsWarningOnSameInstance], sources: [critical])
        #expect(inhibitor.inhibits(["severity": "warning", "instance": "i-1"]))
        #expect(!inhibitor.inhibits(["severity": "warning", "instance": "i-2"]))
        #expect(!inhibitor.inhibits(["severity": "info", "instance": "i-1"]))
        #expect(!Inhibitor(rules: [.criticalInhibitsWarningOnSameInstance], sources: [["severity": "critical"]])
            .inhibits(["severity": "warning"]))
        let sameTeam = InhibitRule(sourceMatchers: [.equal("team", "db")], targetMatchers: [.equal("team", "db")],
                                   equal: ["zone"])
        let twoSided = Inhibitor(rules: [sameTeam], sources: [["team": "db", "a": "1"], ["team": "db", "zone": ""]])
        #expect(!twoSided.inhibits(["team": "db", "a": "1"]))
        let oneSided = InhibitRule(sourceMatchers: [.equal("alertname", "NodeDown")],
                                   targetMatchers: [.notEqual("alertname", "NodeDown")], equal: ["node"])
        let nodeDown = Inhibitor(rules: [sameTeam, oneSided], sources: [["alertname": "NodeDown", "node": "n1"]])
        #expect(nodeDown.inhibits(["alertname": "HighLatency", "node": "n1"]))
        #expect(!nodeDown.inhibits(["alertname": "HighLatency", "node": "n2"]))
        #expect(!nodeDown.inhibits(["alertname": "NodeDown", "node": "n1"]))
    }

    @Test("no inhibition without rules")
    func withoutRules() throws {
        var dispatcher = try AlertDispatcher.make(inhibitRules: [])
        dispatcher.receive(.make("DiskFull", instance: "i-1", severity: .critical), at: Clock.at(0))
        dispatcher.receive(.make(instance: "i-1"), at: Clock.at(0))
        #expect(dispatcher.advance(to: Clock.at(30)).first?.firing.count == 2)
    }
}
