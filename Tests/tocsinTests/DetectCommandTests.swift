import Foundation
import Testing

@Suite("tocsin detect")
struct DetectCommandTests {
    /// A flat noisy series with one spike at data row 700.
    static func spikeCSV() -> String {
        var lines = ["timestamp,value"]
        for index in 0..<1_000 {
            let wobble = Noise.unit(index)
            let value = index == 699 ? 90.0 : 20 + wobble
            let minutes = index * 5
            lines.append(String(format: "2026-01-01 %02d:%02d:00,%.4f", (minutes / 60) % 24, minutes % 60, value)
                .replacingOccurrences(of: "2026-01-01", with: String(format: "2026-01-%02d", 1 + minutes / 1_440)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("finds the spike and reports it as JSON", arguments: ["default", "isolation-forest", "windowed-gaussian", "threshold"])
    func findsSpike(detector: String) throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("spike.csv", Self.spikeCSV())
        let outcome = try CLIProcess.run(["detect", "--detector", detector, file, "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let anomalies = try #require(report?["anomalies"] as? [[String: Any]])
        #expect(report?["points"] as? Int == 1_000)
        #expect(anomalies.contains { $0["row"] as? Int == 700 && $0["value"] as? Double == 90 })
        #expect(anomalies.count < 40, "\(anomalies.count) anomalies flagged in 1000 points")
    }

    @Test("prints a readable table without --json")
    func table() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("spike.csv", Self.spikeCSV())
        let outcome = try CLIProcess.run(["detect", "--detector", "windowed-gaussian", file])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("anomalies in 1000 points"))
        #expect(outcome.standardOutput.contains("2026-01-03T10:15:00Z"))
    }

    @Test("data errors name the file, line and column and exit 1")
    func dataErrors() throws {
        let folder = try TemporaryFolder()
        let cases: [(String, String, String)] = [
            ("bad.csv", "timestamp,value\n2026-01-01 00:00:00,1\n2026-01-01 00:05:00,abc\n", "bad.csv:3"),
            ("nan.csv", "timestamp,value\n2026-01-01 00:00:00,NaN\n", "nan.csv:2"),
            ("empty.csv", "", "empty.csv"),
            ("header.csv", "timestamp,value\n", "header.csv"),
            ("short.csv", "timestamp,value\n2026-01-01 00:00:00\n", "short.csv:2"),
        ]
        for (name, text, expected) in cases {
            let path = try folder.write(name, text)
            let outcome = try CLIProcess.run(["detect", path])
            #expect(outcome.status == 1, "\(name): \(outcome.standardError)")
            #expect(outcome.standardError.contains(expected), "\(name): \(outcome.standardError)")
            #expect(outcome.standardError.split(separator: "\n").count == 1, "\(name): \(outcome.standardError)")
        }
        let missing = try CLIProcess.run(["detect", folder.url.appendingPathComponent("nope.csv").path])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("nope.csv"))
        let column = try CLIProcess.run(["detect", "--column", "cpu", try folder.write("ok.csv", Self.spikeCSV())])
        #expect(column.status == 1)
        #expect(column.standardError.contains("cpu"))
    }

    @Test("usage errors exit 2 with one clear line")
    func usageErrors() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("ok.csv", Self.spikeCSV())
        let unknown = try CLIProcess.run(["detect", "--detector", "magic", file])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("unknown detector \"magic\""))
        let parameter = try CLIProcess.run(["detect", "--param", "trees=zero", file])
        #expect(parameter.status == 2)
        #expect(parameter.standardError.contains("trees"))
        let option = try CLIProcess.run(["detect", "--frobnicate", file])
        #expect(option.status == 2)
        let noFile = try CLIProcess.run(["detect"])
        #expect(noFile.status == 2)
        #expect(!noFile.standardError.contains("Fatal error"))
    }
}
