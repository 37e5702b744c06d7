import Foundation
import Testing

@Suite("tocsin generate --post")
struct GeneratePostTests {
    @Test("posts every tick's points to a running server, which stores them all")
    func postsToServer() async throws {
        let folder = try TemporaryFolder()
        let server = try ServerProcess(arguments: ["--store", "sqlite:" + folder.url.appendingPathComponent("t.sqlite").path,
                                                   "--detector", "windowed-gaussian"])
        defer { server.stop() }
        let outcome = try CLIProcess.run(["generate", "--duration", "6000", "--incidents", "0", "--heavy-load", "0",
                                          "--start", "2026-11-01T00:00:00Z", "--post", "http://127.0.0.1:\(server.port)"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("posted 100 ticks, 3600 points"))
        let series = try #require(try await server.get("/v1/series")["series"] as? [[String: Any]])
        #expect(series.count == 36)
        let cpu = try #require(series.first { ($0["key"] as? String)?.hasPrefix("cpu_utilization{instance=\"api-1\"") == true })
        let id = try #require(cpu["id"] as? Int)
        let points = try await server.get("/v1/series/\(id)/points?from=2026-11-01T00:00:00Z&limit=1000")["points"] as? [[String: Any]]
        #expect(points?.count == 100)
    }

    @Test("an unreachable server makes generate exit 1 naming it; a bad URL is a usage error")
    func refusal() throws {
        let outcome = try CLIProcess.run(["generate", "--duration", "600", "--incidents", "0", "--heavy-load", "0", "--post", "http://127.0.0.1:1"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("cannot reach"))
        let usage = try CLIProcess.run(["generate", "--post", "not a url"])
        #expect(usage.status == 2)
    }
}
