import Foundation
import ServiceLifecycle
import Testing
import TocsinNotify
import TocsinStore
import TocsinTestServers

@Suite("Webhook outage")
struct WebhookOutageTests {
    @Test("the webhook answers 500 for two minutes: every message queued before and during the outage arrives once, in order, after it")
    func noLossNoDuplicate() async throws {
        let (store, folder) = try await NotifyFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await WebhookServer(failSeconds: 120)
        let sink = WebhookSink(name: "chat/webhook", url: server.url(), token: "hook-token-123")
        let messages = try NotifyFixtures.notifications(9).map { try sink.render($0) }
        let delivery = SinkDeliveryService(sinks: [sink], outbox: store, schedule: RetrySchedule(base: 2, maximum: 15),
                                           pollInterval: .milliseconds(200))
        let group = ServiceGroup(services: [delivery], logger: .init(label: "test"))
        let started = Date()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            _ = try await store.enqueue(sink: sink.name, payloads: Array(messages[0..<3]), at: Date())
            try await Task.sleep(for: .seconds(60))
            _ = try await store.enqueue(sink: sink.name, payloads: Array(messages[3..<6]), at: Date())
            try await Task.sleep(for: .seconds(50))
            _ = try await store.enqueue(sink: sink.name, payloads: Array(messages[6..<9]), at: Date())
            var received: [WebhookServer.Received] = []
            while Date().timeIntervalSince(started) < 200, received.count < 9 {
                try await Task.sleep(for: .seconds(1))
                received = try await server.received()
            }
            try await Task.sleep(for: .seconds(5))
            received = try await server.received()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            #expect(received.map { Data($0.body.utf8) } == messages, "each message once, in order")
            #expect(received.allSatisfy { $0.authorization == "Bearer hook-token-123" })
        }
        #expect(Date().timeIntervalSince(started) >= 120)
        let records = try await store.outbox(status: nil, limit: 100)
        #expect(records.count == 9 && records.allSatisfy { $0.status == .delivered })
        #expect((records.map(\.attempts).max() ?? 0) > 1, "the first messages were tried during the outage")
        try await store.close()
    }
}
