import Foundation
import Testing
import TocsinCore
import TocsinResponse

@Suite("RuleEngine")
struct RuleEngineTests {
    static func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_800_000_000 + seconds) }

    static func auth(_ seconds: Double, ip: String, user: String = "alice", success: Bool = false) -> LogRecord {
        LogRecord(timestamp: at(seconds), service: "auth", instance: "auth-1", level: success ? .info : .warning,
                  message: success ? "login ok" : "login failed", fields: ["event": success ? "auth_success" : "auth_failure", "user": user, "source_ip": ip])
    }

    @Test("high CPU fires only after holding for its duration, once, and resolves when the value falls back")
    func metricRuleHolds() {
        var engine = RuleEngine(metricRules: [MetricRule(name: "high_cpu", series: "cpu", above: 90, holdFor: 120, severity: "critical")])
        let key = SeriesKey(name: "cpu", labels: ["instance": "i-1", "service": "api"])
        let other = SeriesKey(name: "memory", labels: ["instance": "i-1"])
        var events: [RuleEvent] = []
        for (second, value) in [(0.0, 95.0), (60, 96), (90, 50), (120, 97), (180, 98), (240, 99), (300, 99), (360, 40)] {
            events += engine.observe(key, Point(timestamp: Self.at(second), value: value))
            events += engine.observe(other, Point(timestamp: Self.at(second), value: 99))
        }
        #expect(events.map(\.status) == [.firing, .resolved])
        #expect(events.first?.at == Self.at(240), "held from 120 s to 240 s; the dip at 90 s restarted the clock")
        #expect(events.first?.labels == ["alertname": "high_cpu", "series": "cpu", "instance": "i-1", "service": "api"])
        #expect(events.first?.severity == "critical" && events.first?.value == 99)
        #expect(events.last?.at == Self.at(360))
    }

    @Test("a burst of failed logins from one address fires for that address only, and resolves when the window empties")
    func bruteForce() {
        let rule = LogBurstRule(name: "brute_force", matcher: LogMatcher(fields: ["event": "auth_failure"]), groupBy: ["source_ip"],
                                count: 10, window: 60)
        var engine = RuleEngine(burstRules: [rule])
        var events: [RuleEvent] = []
        for second in 0..<30 {
            events += engine.observe(Self.auth(Double(second) * 2, ip: "203.0.113.9", user: "user\(second)"))
            if second % 10 == 0 { events += engine.observe(Self.auth(Double(second) * 2, ip: "198.51.100.1")) }
            events += engine.observe(Self.auth(Double(second) * 2, ip: "198.51.100.1", success: true))
        }
        #expect(events.count == 1)
        #expect(events.first?.labels["source_ip"] == "203.0.113.9" && events.first?.at == Self.at(18))
        #expect(events.first?.labels["service"] == "auth" && events.first?.value == 10)
        #expect(engine.advance(to: Self.at(90)).isEmpty, "30 failures in the last minute still")
        let resolved = engine.advance(to: Self.at(200))
        #expect(resolved.map(\.status) == [.resolved] && resolved.first?.labels["source_ip"] == "203.0.113.9")
    }

    @Test("error rate per service fires over its share once enough records are seen, and resolves below it")
    func errorRate() {
        let rule = LogRatioRule(name: "error_rate", matcher: LogMatcher(minimumLevel: .error), groupBy: ["service"], ratio: 0.2,
                                minimumEvents: 20, window: 300)
        var engine = RuleEngine(ratioRules: [rule])
        var events: [RuleEvent] = []
        // 10 % errors for 100 s, then 50 % for 100 s, then none.
        for second in 0..<300 {
            let errorShare = second < 100 ? 10 : second < 200 ? 2 : 1_000_000
            let level: LogRecord.Level = second % errorShare == 0 ? .error : .info
            events += engine.observe(LogRecord(timestamp: Self.at(Double(second)), service: "checkout", instance: "c-1", level: level, message: "m"))
        }
        events += engine.advance(to: Self.at(700))
        #expect(events.map(\.status) == [.firing, .resolved])
        let firing = events.first
        #expect(firing?.labels["service"] == "checkout")
        #expect((firing?.at ?? .distantPast) > Self.at(100) && (firing?.at ?? .distantFuture) < Self.at(200))
        #expect((firing?.value ?? 0) >= 0.2)
    }

    @Test("subjects beyond the limit are forgotten while quiet, so memory stays bounded")
    func boundedSubjects() {
        let rule = LogBurstRule(name: "brute_force", matcher: LogMatcher(fields: ["event": "auth_failure"]), groupBy: ["source_ip"],
                                count: 5, window: 60)
        var engine = RuleEngine(burstRules: [rule], subjectLimit: 100)
        for index in 0..<10_000 {
            _ = engine.observe(Self.auth(Double(index) / 1_000, ip: "10.0.\(index / 256).\(index % 256)"))
            #expect(engine.trackedSubjects <= 100)
        }
        // Still fires for a new subject that bursts.
        var fired: [RuleEvent] = []
        for second in 0..<5 { fired += engine.observe(Self.auth(20 + Double(second), ip: "192.0.2.1")) }
        #expect(fired.count == 1)
        #expect(engine.trackedSubjects <= 100)
    }
}
