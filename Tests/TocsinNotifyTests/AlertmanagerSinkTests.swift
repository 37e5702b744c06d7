import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TocsinNotify
import TocsinResponse

/// Against the real Alertmanager `./scripts/test` starts (`TOCSIN_TEST_ALERTMANAGER_URL`).
@Suite("Alertmanager sink")
struct AlertmanagerSinkTests {
    static func alertmanager() throws -> URL {
        let text = try #require(ProcessInfo.processInfo.environment["TOCSIN_TEST_ALERTMANAGER_URL"],
                                "TOCSIN_TEST_ALERTMANAGER_URL is not set: run ./scripts/test, which starts Alertmanager")
        return try #require(URL(string: text))
    }

    struct GettableAlert: Decodable {
        struct Status: Decodable { let state: String }
        let labels: [String: String]
        let annotations: [String: String]
        let fingerprint: String
        let status: Status
    }

    static func alerts(_ base: URL) async throws -> [GettableAlert] {
        let (data, _) = try await URLSession.shared.data(from: base.appendingPathComponent("api/v2/alerts"))
        return try JSONDecoder().decode([GettableAlert].self, from: data)
    }

    @Test("Alertmanager receives Tocsin's alerts, shows them through its API with the same fingerprint, and resolves them")
    func receivesAndResolves() async throws {
        let base = try Self.alertmanager()
        let service = "am-\(UUID().uuidString.prefix(8))"
        let sink = AlertmanagerSink(name: "am", baseURL: base)
        let (notifications, resolved) = try NotifyFixtures.lifecycle(3, service: service)
        for notification in notifications { try await sink.deliver(try sink.render(notification)) }
        var shown: [GettableAlert] = []
        for _ in 0..<50 {
            shown = try await Self.alerts(base).filter { $0.labels["service"] == service }
            if shown.count == 3 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(shown.count == 3)
        let sent = notifications.flatMap(\.firing)
        #expect(Set(shown.map(\.fingerprint)) == Set(sent.map(\.fingerprint.description)), "Alertmanager computes the same fingerprints")
        #expect(shown.allSatisfy { $0.status.state == "active" && $0.annotations["summary"]?.contains("is anomalous") == true })

        // Resolving: the same alerts with an end time in the past.
        for notification in resolved { try await sink.deliver(try sink.render(notification)) }
        for _ in 0..<50 {
            shown = try await Self.alerts(base).filter { $0.labels["service"] == service }
            if shown.isEmpty { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(shown.isEmpty, "resolved alerts leave Alertmanager's active list")
    }
}
