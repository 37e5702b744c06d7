import Foundation
import Synchronization
import Testing
import TocsinCore
import TocsinRemediate
import TocsinResponse
import TocsinStore

@Suite("RemediationService")
struct RemediationServiceTests {
    static let cpu = SeriesKey(name: "cpu_utilization", labels: ["service": "api", "instance": "i-0api"])

    /// A store in a temporary folder, and the folder.
    static func store() async throws -> (any TocsinStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-remediate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (try await StoreFactory.open(url: "sqlite:\(folder.path)/tocsin.sqlite"), folder)
    }

    /// A policy touching `marker` (the target is appended: `touch marker i-0api` creates both files in the folder).
    static func touchPolicy(_ folder: URL, approval: Bool = false, cooldown: TimeInterval = 1_800) -> RemediationPolicy {
        RemediationPolicy(name: "touch", alert: "anomaly", series: "cpu_utilization",
                          action: .command(arguments: ["/usr/bin/env", "-C", folder.path, "touch", "ran"]), cooldown: cooldown,
                          approval: approval, verifyWithin: 60)
    }

    static func subject() -> RemediationSubject {
        RemediationSubject(alert: "anomaly", series: [cpu], labels: ["service": "api", "instance": "i-0api"], incident: 3)
    }

    final class Clock: Sendable {
        let value = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        func advance(_ seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
        var now: Date { value.withLock { $0 } }
    }

    @Test("dry run records and never executes; execution needs the allow-list; a failing command escalates")
    func dryRunAllowListAndFailure() async throws {
        let (store, folder) = try await Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = folder.appendingPathComponent("ran").path
        let dry = RemediationService(planner: RemediationPlanner(policies: [Self.touchPolicy(folder)]), mode: .dryRun,
                                     allowList: AllowList(["i-0api"]), executor: LiveExecutor(ec2: nil), store: store,
                                     recovery: StoreRecoveryCheck(store: store))
        let simulated = await dry.respond(to: Self.subject(), context: "{}")
        #expect(simulated.map(\.status) == [.simulated])
        #expect(simulated.first?.detail == "would run /usr/bin/env i-0api")
        #expect(!FileManager.default.fileExists(atPath: marker))

        let notAllowed = RemediationService(planner: RemediationPlanner(policies: [Self.touchPolicy(folder)]), mode: .execute,
                                            allowList: AllowList(["i-0web*"]), executor: LiveExecutor(ec2: nil), store: store,
                                            recovery: StoreRecoveryCheck(store: store))
        #expect(await notAllowed.respond(to: Self.subject(), context: "{}").map(\.status) == [.skipped])
        #expect(!FileManager.default.fileExists(atPath: marker))

        let escalated = Mutex<[Int64]>([])
        let failing = RemediationPolicy(name: "false", series: "cpu_utilization", action: .command(arguments: ["false"]))
        let service = RemediationService(planner: RemediationPlanner(policies: [failing]), mode: .execute, allowList: AllowList(["i-0*"]),
                                         executor: LiveExecutor(ec2: nil), store: store, recovery: StoreRecoveryCheck(store: store),
                                         escalate: { action in escalated.withLock { $0.append(action.id) } })
        let failed = await service.respond(to: Self.subject(), context: "{}")
        #expect(failed.map(\.status) == [.failed])
        #expect(failed.first?.detail == "false exited with status 1")
        #expect(escalated.withLock { $0 } == failed.map(\.id))
        let trail = try await store.audit(action: try #require(failed.first?.id), limit: 10)
        #expect(trail.map(\.event) == ["planned", "failed"])
        try await store.close()
    }

    @Test("approval mode waits for approval, then executes; the cooldown skips a second alert; verification records recovery")
    func approvalCooldownVerification() async throws {
        let (store, folder) = try await Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = Clock()
        let marker = folder.appendingPathComponent("ran").path
        let service = RemediationService(planner: RemediationPlanner(policies: [Self.touchPolicy(folder, approval: true)]), mode: .execute,
                                         allowList: AllowList(["i-0api"]), executor: LiveExecutor(ec2: nil), store: store,
                                         recovery: StoreRecoveryCheck(store: store), now: { clock.now })
        let waiting = try #require(await service.respond(to: Self.subject(), context: "{}").first)
        #expect(waiting.status == .awaitingApproval)
        #expect(!FileManager.default.fileExists(atPath: marker))
        await #expect(throws: RemediationService.ApprovalError.self) { try await service.approve(999, by: "ops") }

        clock.advance(10)
        let executed = try await service.approve(waiting.id, by: "ops")
        #expect(executed.status == .executed)
        #expect(FileManager.default.fileExists(atPath: marker))
        let again = try await #require(throws: RemediationService.ApprovalError.self) { try await service.approve(waiting.id, by: "ops") }
        #expect(again.status == 409)

        clock.advance(20)
        #expect(await service.respond(to: Self.subject(), context: "{}").map(\.status) == [.skipped], "within the cooldown")

        // The series reports healthy values after the action, without anomalies.
        let ids = try await store.resolveSeries([Self.cpu], now: clock.now, limit: 10)
        let id = try #require(ids[Self.cpu])
        _ = try await store.appendPoints((0..<5).map { PointRecord(series: id, timestamp: clock.now.addingTimeInterval(Double($0) * 10), value: 20) })
        clock.advance(60)
        await service.verifyDue(at: clock.now)
        #expect(try await store.action(id: waiting.id)?.status == .recovered)
        #expect(try await store.audit(action: waiting.id, limit: 10).map(\.event) == ["planned", "approved", "executed", "verified"])
        try await store.close()
    }

    @Test("an action whose series keeps raising anomalies is not recovered, and is escalated")
    func notRecovered() async throws {
        let (store, folder) = try await Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = Clock()
        let escalated = Mutex<[ActionRecord.Status]>([])
        let service = RemediationService(planner: RemediationPlanner(policies: [Self.touchPolicy(folder)]), mode: .execute,
                                         allowList: AllowList(["i-0api"]), executor: LiveExecutor(ec2: nil), store: store,
                                         recovery: StoreRecoveryCheck(store: store),
                                         escalate: { action in escalated.withLock { $0.append(action.status) } }, now: { clock.now })
        let action = try #require(await service.respond(to: Self.subject(), context: "{}").first)
        #expect(action.status == .executed)
        let id = try #require(try await store.resolveSeries([Self.cpu], now: clock.now, limit: 10)[Self.cpu])
        let late = clock.now.addingTimeInterval(50)
        _ = try await store.appendPoints([PointRecord(series: id, timestamp: late, value: 99)])
        _ = try await store.appendAnomalies([AnomalyRecord(series: id, anomaly: Anomaly(series: Self.cpu, timestamp: late, value: 99, score: 0.99,
                                                                                         threshold: 0.5, detector: "default"))])
        clock.advance(61)
        await service.verifyDue(at: clock.now)
        #expect(try await store.action(id: action.id)?.status == .notRecovered)
        #expect(escalated.withLock { $0 } == [.notRecovered])
        try await store.close()
    }
}
