import Foundation
import Testing
import TocsinCore
import TocsinPrometheus

/// Against the real Prometheus that `./scripts/test` starts (scraping a real
/// node_exporter every second) and names in `TOCSIN_TEST_PROMETHEUS_URL`.
@Suite("Prometheus source against a real server")
struct PrometheusSourceTests {
    static func client() throws -> PrometheusClient {
        let text = try #require(ProcessInfo.processInfo.environment["TOCSIN_TEST_PROMETHEUS_URL"],
                                "TOCSIN_TEST_PROMETHEUS_URL is not set: run the tests with ./scripts/test")
        return PrometheusClient(baseURL: try #require(URL(string: text)))
    }

    /// Waits until Prometheus has scraped node_exporter a few times.
    static func waitForSamples(_ client: PrometheusClient) async throws {
        for _ in 0..<30 {
            let now = Date().timeIntervalSince1970
            if let series = try? await client.queryRange("up", start: now - 30, end: now, step: 1),
               series.first.map({ $0.samples.count >= 3 }) == true { return }
            try await Task.sleep(for: .seconds(1))
        }
        Issue.record("Prometheus never scraped node_exporter")
    }

    @Test("reads node_exporter's series with their labels, each sample once across pulls")
    func pullsWithoutDuplicates() async throws {
        let client = try Self.client()
        try await Self.waitForSamples(client)
        let source = PrometheusSource(client: client, queries: [
            .init(expression: "up"),
            .init(expression: #"sum by (mode) (rate(node_cpu_seconds_total{mode=~"idle|user|system"}[5s]))"#, name: "cpu_seconds_rate"),
        ], step: 1, lookback: 60)
        let now = Date().timeIntervalSince1970
        let first = try await source.pull(now: now)
        let up = first.filter { $0.key.name == "up" }
        #expect(!up.isEmpty)
        #expect(up.allSatisfy { $0.point.value == 1 })
        #expect(up.first?.key.labels.contains { $0.name == "job" && $0.value == "node" } == true)
        let modes = Set(first.filter { $0.key.name == "cpu_seconds_rate" }.compactMap { $0.key.labels.first { $0.name == "mode" }?.value })
        #expect(modes == ["idle", "user", "system"])
        try await Task.sleep(for: .seconds(3))
        let second = try await source.pull(now: Date().timeIntervalSince1970)
        #expect(!second.isEmpty)
        let firstTimes = Set(first.map { "\($0.key)@\($0.point.timestamp.timeIntervalSince1970)" })
        #expect(second.allSatisfy { !firstTimes.contains("\($0.key)@\($0.point.timestamp.timeIntervalSince1970)") })
        let newestFirst = try #require(up.map(\.point.timestamp).max())
        #expect(second.filter { $0.key.name == "up" }.allSatisfy { $0.point.timestamp > newestFirst })
    }

    @Test("a bad query and an unreachable server are clear errors")
    func errors() async throws {
        let client = try Self.client()
        let now = Date().timeIntervalSince1970
        await #expect(throws: PrometheusError.self) { try await client.queryRange("rate(up[", start: now - 10, end: now, step: 1) }
        do {
            _ = try await client.queryRange("rate(up[", start: now - 10, end: now, step: 1)
        } catch {
            #expect(error.description.contains("bad_data"))
        }
        let nowhere = PrometheusClient(baseURL: URL(string: "http://127.0.0.1:1")!, timeout: 2)
        await #expect(throws: PrometheusError.self) { try await nowhere.queryRange("up", start: now - 10, end: now, step: 1) }
    }
}
