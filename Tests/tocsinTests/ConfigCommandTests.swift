import Foundation
import Testing

@Suite("tocsin config and serve --config")
struct ConfigCommandTests {
    @Test("the printed example passes the check")
    func exampleChecks() throws {
        let folder = try TemporaryFolder()
        let example = try CLIProcess.run(["config", "example"])
        #expect(example.status == 0)
        let file = folder.url.appendingPathComponent("tocsin.yaml")
        try example.standardOutput.write(to: file, atomically: true, encoding: .utf8)
        let check = try CLIProcess.run(["config", "check", file.path])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("ok: 6 detection rules"))
    }

    @Test("a broken file exits 1 with one line per problem, each with file, line and column")
    func brokenFile() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("broken.yaml")
        try "server:\n  port: eighty\ndetection:\n  default: {detector: nope}\n".write(to: file, atomically: true, encoding: .utf8)
        let check = try CLIProcess.run(["config", "check", file.path])
        #expect(check.status == 1)
        #expect(check.standardError.contains("\(file.path):2:9: server.port: expected a whole number, got \"eighty\""))
        #expect(check.standardError.contains("\(file.path):4:23: detection.default.detector: unknown detector \"nope\""))
        let serve = try CLIProcess.run(["serve", "--config", file.path, "--port", "0"])
        #expect(serve.status == 2, "serve refuses the same file before binding")
        #expect(serve.standardError.contains("server.port"))
    }

    /// A NAB-style CSV of `count` minutes from `first`.
    static func rows(_ range: Range<Int>) -> String {
        range.map { "\(1_760_000_000 + $0 * 60),\(Double($0 % 7))\n" }.joined()
    }

    @Test("serve --config pulls a CSV source on its schedule and ingests appended rows")
    func pullsOnSchedule() async throws {
        let folder = try TemporaryFolder()
        let csv = folder.url.appendingPathComponent("export.csv")
        try ("timestamp,value\n" + Self.rows(0..<300)).write(to: csv, atomically: true, encoding: .utf8)
        let config = folder.url.appendingPathComponent("tocsin.yaml")
        try """
        store: sqlite:\(folder.url.appendingPathComponent("t.sqlite").path)
        retention: {keep: 3650d}
        detection:
          default: {detector: windowed-gaussian}
        sources:
          - {type: csv, path: \(csv.path), series: exported, labels: {host: a}, interval: 1s}
        """.write(to: config, atomically: true, encoding: .utf8)
        let server = try ServerProcess(arguments: ["--config", config.path])
        defer { server.stop() }
        #expect(try await Self.waitForPoints(server, count: 300))
        let handle = try FileHandle(forWritingTo: csv)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Self.rows(300..<350).utf8))
        try handle.close()
        #expect(try await Self.waitForPoints(server, count: 350))
    }

    static func waitForPoints(_ server: ServerProcess, count: Int) async throws -> Bool {
        for _ in 0..<100 {
            if let series = try await server.get("/v1/series")["series"] as? [[String: Any]],
               let item = series.first(where: { $0["key"] as? String == "exported{host=\"a\"}" }), let id = item["id"] as? Int {
                let points = try await server.get("/v1/series/\(id)/points?from=0&limit=100000")["points"] as? [[String: Any]] ?? []
                if points.count == count { return true }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }
}
