import Foundation
import Testing
import TocsinCore
import TocsinStore

@Suite("Outbox")
struct OutboxTests {
    @Test("queued messages are due at once, retried when an attempt fails, kept until delivered, and given up only when told",
          arguments: Backend.allCases)
    func lifecycle(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let payloads = (0..<3).map { Data("{\"n\":\($0)}".utf8) }
            let queued = try await store.enqueue(sink: "webhook", payloads: payloads, at: Fixture.at(0))
            _ = try await store.enqueue(sink: "email", payloads: [Data("mail".utf8)], at: Fixture.at(0))
            #expect(queued.map(\.payload) == payloads)
            #expect(Set(queued.map(\.id)).count == 3)
            #expect(try await store.dueOutbox(sink: "webhook", now: Fixture.at(0), limit: 10).map(\.id) == queued.map(\.id))

            try await store.markAttemptFailed(queued[0].id, at: Fixture.at(1), error: "HTTP 500", retryAt: Fixture.at(60))
            try await store.markDelivered(queued[1].id, at: Fixture.at(1))
            try await store.markAttemptFailed(queued[2].id, at: Fixture.at(1), error: "HTTP 404", retryAt: nil)
            #expect(try await store.dueOutbox(sink: "webhook", now: Fixture.at(59), limit: 10).isEmpty)
            let due = try await store.dueOutbox(sink: "webhook", now: Fixture.at(60), limit: 10)
            #expect(due.map(\.id) == [queued[0].id])
            #expect(due.first?.attempts == 1 && due.first?.lastError == "HTTP 500" && due.first?.nextAttempt == Fixture.at(60))

            let failed = try await store.outbox(status: .failed, limit: 10)
            #expect(failed.map(\.id) == [queued[2].id] && failed.first?.lastError == "HTTP 404")
            #expect(try await store.outbox(status: .delivered, limit: 10).map(\.id) == [queued[1].id])
            #expect(try await store.outbox(status: nil, limit: 10).count == 4)
            #expect(try await store.dueOutbox(sink: "email", now: Fixture.at(0), limit: 10).map(\.payload) == [Data("mail".utf8)])
        }
    }

    @Test("actions keep their audit trail in order; state blobs are saved and replaced", arguments: Backend.allCases)
    func actionsAndState(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let action = ActionRecord(policy: "reboot-on-cpu", kind: "reboot_instance", target: "i-0abc", series: Fixture.cpu, incident: 7,
                                      status: .awaitingApproval, created: Fixture.at(0), updated: Fixture.at(0), detail: "reboot i-0abc")
            let created = try await store.createAction(action, event: "planned")
            #expect(created.id > 0)
            _ = try await store.advanceAction(created.id, to: .approved, event: "approved", detail: "by ops", at: Fixture.at(5))
            let executed = try await store.advanceAction(created.id, to: .executed, event: "executed", detail: "RebootInstances", at: Fixture.at(6))
            #expect(executed?.status == .executed && executed?.series == Fixture.cpu && executed?.incident == 7)
            #expect(try await store.advanceAction(999_999, to: .failed, event: "failed", detail: "", at: Fixture.at(7)) == nil)
            #expect(try await store.action(id: created.id)?.updated == Fixture.at(6))
            let trail = try await store.audit(action: created.id, limit: 10)
            #expect(trail.map(\.event) == ["planned", "approved", "executed"])
            #expect(trail.map(\.at) == [Fixture.at(0), Fixture.at(5), Fixture.at(6)])
            #expect(try await store.actions(limit: 10).map(\.id) == [created.id])

            #expect(try await store.loadState("alerting") == nil)
            try await store.saveState("alerting", Data("one".utf8), at: Fixture.at(0))
            try await store.saveState("alerting", Data("two".utf8), at: Fixture.at(1))
            #expect(try await store.loadState("alerting") == Data("two".utf8))
        }
    }
}
