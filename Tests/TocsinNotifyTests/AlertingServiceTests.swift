import Foundation
import ServiceLifecycle
import Synchronization
import Testing
import TocsinCore
import TocsinNotify
import TocsinResponse
import TocsinStore

@Suite("AlertingService")
struct AlertingServiceTests {
    final class Clock: Sendable {
        let value = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        func advance(_ seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
        var now: Date { value.withLock { $0 } }
    }

    /// Runs `service` while `body` runs, then shuts it down gracefully.
    static func running(_ service: AlertingService, _ body: () async throws -> Void) async throws {
        let group = ServiceGroup(services: [service], logger: .init(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await body()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    static func waitForOutbox(_ store: any TocsinStore, count: Int) async throws -> [OutboxRecord] {
        var records: [OutboxRecord] = []
        for _ in 0..<500 {
            records = try await store.outbox(status: nil, limit: 1_000)
            if records.count >= count { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        return records
    }

    /// Waits (up to 10 s, for a loaded machine) until the service tracks `count` alerts:
    /// its restored state and the events posted so far are in.
    static func waitForAlerts(_ service: AlertingService, count: Int) async throws {
        for _ in 0..<500 where await service.alerts().count != count {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    static func service(_ store: any TocsinStore, clock: Clock, rules: RuleEngine = RuleEngine()) throws -> AlertingService {
        let dispatcher = try AlertDispatcher(configuration: AlertingConfiguration(
            route: Route(receiver: "ops", groupBy: .labels(["service"]), groupWait: 30, groupInterval: 300), receivers: [Receiver(name: "ops")],
            resolveTimeout: 21_600))
        return AlertingService(dispatcher: dispatcher, rules: rules, sinks: ["ops": [WebhookSink(name: "ops/webhook", url: URL(string: "http://127.0.0.1:9/")!)]],
                               store: store, analyzer: try RootCauseAnalyzer(), logs: .store(store), remediation: nil,
                               tick: .milliseconds(20), now: { clock.now })
    }

    @Test("100 anomalous instances of one service within group_wait make one notification with all 100 alerts")
    func grouping() async throws {
        let (store, folder) = try await NotifyFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = Clock()
        let service = try Self.service(store, clock: clock)
        try await Self.running(service) {
            for index in 0..<100 {
                let key = SeriesKey(name: "cpu_utilization", labels: ["service": "checkout", "instance": "i-\(index)"])
                service.opened(Incident(id: Int64(index + 1), scope: ["service": "checkout", "instance": "i-\(index)"], start: clock.now,
                                        end: clock.now, anomalyCount: 1, maxScore: 0.9, series: [key], status: .open))
                clock.advance(0.2)
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await store.outbox(status: nil, limit: 10).isEmpty, "nothing before group_wait")
            clock.advance(31)
            let records = try await Self.waitForOutbox(store, count: 1)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await store.outbox(status: nil, limit: 10).count == 1)
            let payload = try #require(records.first).payload
            let body = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
            #expect((body["alerts"] as? [Any])?.count == 100)
            #expect(body["groupLabels"] as? [String: String] == ["service": "checkout"])
            #expect(await service.alerts().count == 100)
        }
        try await store.close()
    }

    @Test("a burst of failed logins from one address fires the brute-force rule: one critical alert, routed after group_wait")
    func bruteForceRule() async throws {
        let (store, folder) = try await NotifyFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = Clock()
        let rule = LogBurstRule(name: "brute_force", matcher: LogMatcher(fields: ["event": "auth_failure"]), groupBy: ["source_ip"],
                                count: 10, window: 60, severity: "critical")
        let service = try Self.service(store, clock: clock, rules: RuleEngine(burstRules: [rule]))
        try await Self.running(service) {
            service.ingested((0..<25).map { index in
                LogRecord(timestamp: clock.now.addingTimeInterval(Double(index)), service: "auth", instance: "auth-1", level: .warning,
                          message: "login failed", fields: ["event": "auth_failure", "user": "u\(index)", "source_ip": "203.0.113.9"])
            })
            try await Task.sleep(for: .milliseconds(300))
            clock.advance(31)
            let records = try await Self.waitForOutbox(store, count: 1)
            let payload = try #require(records.first).payload
            let body = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
            let alerts = try #require(body["alerts"] as? [[String: Any]])
            #expect(alerts.count == 1)
            let labels = try #require(alerts.first?["labels"] as? [String: String])
            #expect(labels["alertname"] == "brute_force" && labels["severity"] == "critical" && labels["source_ip"] == "203.0.113.9")
        }
        try await store.close()
    }

    @Test("the dispatcher's state survives a restart: a firing alert is not notified again, and its incident's end resolves it")
    func stateSurvivesRestart() async throws {
        let (store, folder) = try await NotifyFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = Clock()
        let incident = Incident(id: 1, scope: ["service": "api", "instance": "i-1"], start: clock.now, end: clock.now, anomalyCount: 1,
                                maxScore: 0.9, series: [SeriesKey(name: "cpu", labels: ["service": "api", "instance": "i-1"])], status: .open)
        let first = try Self.service(store, clock: clock)
        try await Self.running(first) {
            first.opened(incident)
            try await Self.waitForAlerts(first, count: 1)
            clock.advance(31)
            _ = try await Self.waitForOutbox(store, count: 1)
        }
        let second = try Self.service(store, clock: clock)
        try await Self.running(second) {
            try await Self.waitForAlerts(second, count: 1)
            second.updated(incident)
            try await Task.sleep(for: .milliseconds(100))
            clock.advance(400)
            try await Task.sleep(for: .milliseconds(300))
            #expect(await second.alerts().count == 1)
            #expect(try await store.outbox(status: nil, limit: 10).count == 1, "no second notification after the restart")
            second.resolved(incident)
            try await Task.sleep(for: .milliseconds(100))
            clock.advance(301)
            _ = try await Self.waitForOutbox(store, count: 2)
        }
        let outbox = try await store.outbox(status: nil, limit: 10)
        #expect(outbox.count == 2, "\(outbox.map { String(decoding: $0.payload, as: UTF8.self) })")
        let last = try #require(outbox.first).payload
        #expect((try JSONSerialization.jsonObject(with: last) as? [String: Any])?["status"] as? String == "resolved")
        try await store.close()
    }
}
