import Foundation
import Testing
import TocsinCore
import TocsinResponse

@Suite("Remediation planner")
struct RemediationPlannerTests {
    static func incident(_ id: Int64, _ series: [SeriesKey], at seconds: Double) -> Incident {
        Incident(id: id, scope: ["service": "api"], start: Date(timeIntervalSince1970: seconds), end: Date(timeIntervalSince1970: seconds),
                 anomalyCount: 1, maxScore: 0.9, series: series, status: .open)
    }

    static let cpu1 = SeriesKey(name: "cpu_utilization", labels: ["service": "api", "instance": "api-1"])
    static let cpu2 = SeriesKey(name: "cpu_utilization", labels: ["service": "api", "instance": "api-2"])
    static let latency = SeriesKey(name: "latency_ms", labels: ["service": "api", "instance": "api-1"])

    @Test("a matching series plans the action on its instance; others plan nothing")
    func matching() {
        var planner = RemediationPlanner(policies: [RemediationPolicy(name: "cpu", series: "cpu_utilization", action: .rebootInstance)])
        #expect(planner.plan(for: Self.incident(1, [Self.latency], at: 0), at: Date(timeIntervalSince1970: 0)).isEmpty)
        let plans = planner.plan(for: Self.incident(2, [Self.latency, Self.cpu1], at: 10), at: Date(timeIntervalSince1970: 10))
        #expect(plans.count == 1)
        #expect(plans.first?.target == "api-1" && plans.first?.verdict == .due && plans.first?.incident == 2)
        #expect(plans.first?.series == Self.cpu1)
    }

    @Test("the cooldown holds per target, and ends")
    func cooldown() {
        var planner = RemediationPlanner(policies: [RemediationPolicy(name: "cpu", series: "cpu_utilization", action: .rebootInstance,
                                                                      cooldown: 1_800)])
        func verdict(_ key: SeriesKey, _ seconds: Double) -> RemediationPlanner.Plan.Verdict? {
            planner.plan(for: Self.incident(1, [key], at: seconds), at: Date(timeIntervalSince1970: seconds)).first?.verdict
        }
        #expect(verdict(Self.cpu1, 0) == .due)
        #expect(verdict(Self.cpu1, 600) == .coolingDown(until: Date(timeIntervalSince1970: 1_800)))
        #expect(verdict(Self.cpu2, 600) == .due, "another instance is another target")
        #expect(verdict(Self.cpu1, 1_800) == .due)
    }

    @Test("no more than the hourly cap of actions, across policies and targets")
    func hourlyCap() {
        var planner = RemediationPlanner(policies: [RemediationPolicy(name: "any", action: .webhook(url: "https://hooks.example.com/x"),
                                                                      cooldown: 0)], maximumPerHour: 3)
        let verdicts = (0..<5).map { index in
            planner.plan(for: Self.incident(Int64(index), [Self.cpu1], at: Double(index) * 60), at: Date(timeIntervalSince1970: Double(index) * 60))
                .first?.verdict
        }
        #expect(verdicts == [.due, .due, .due, .hourlyLimitReached, .hourlyLimitReached])
        let later = planner.plan(for: Self.incident(9, [Self.cpu1], at: 3_600), at: Date(timeIntervalSince1970: 3_600))
        #expect(later.first?.verdict == .due)
        #expect(RemediationPolicy.Action.webhook(url: "https://hooks.example.com/secret-token").summary == "call webhook at hooks.example.com")
    }
}
