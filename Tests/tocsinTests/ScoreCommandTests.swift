import Foundation
import Testing

@Suite("tocsin score")
struct ScoreCommandTests {
    static func grid(rows: Int, outlierAt: Int? = nil, latencyOnly: Bool = false) -> String {
        var lines = ["timestamp,cpu,memory,latency"]
        for row in 0..<rows {
            let a = Noise.unit(row * 3) + Noise.unit(row * 3 + 1)
            let b = Noise.unit(row * 5) + Noise.unit(row * 7 + 2)
            let c = Noise.unit(row * 11) + Noise.unit(row * 13 + 3)
            let values = row == outlierAt ? (latencyOnly ? [a, b, 12] : [9.0, -7, 12]) : [a, b, c]
            lines.append("\(1_700_000_000 + row * 60)," + values.map { String($0) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("writes one score per test row, the outlier highest")
    func scores() throws {
        let folder = try TemporaryFolder()
        let train = try folder.write("train.csv", Self.grid(rows: 2_000))
        let test = try folder.write("test.csv", Self.grid(rows: 300, outlierAt: 123))
        let out = folder.url.appendingPathComponent("scores.txt").path
        let outcome = try CLIProcess.run(["score", "--detector", "isolation-forest", "--train", train, "--test", test, "--out", out, "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let scores = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").compactMap { Double($0) }
        #expect(scores.count == 300)
        #expect(scores[123] == scores.max())
        #expect(scores[123] > 0.65)
        let summary = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        #expect(summary?["testRows"] as? Int == 300)
        #expect(summary?["features"] as? Int == 3)
        let again = folder.url.appendingPathComponent("again.txt").path
        _ = try CLIProcess.run(["score", "--train", train, "--test", test, "--out", again])
        #expect(try String(contentsOfFile: again, encoding: .utf8) == (try String(contentsOfFile: out, encoding: .utf8)))
    }

    @Test("attributes a row that is odd in one column to that column", arguments: ["isolation-forest", "random-cut-forest"])
    func attribution(detector: String) throws {
        let folder = try TemporaryFolder()
        let train = try folder.write("train.csv", Self.grid(rows: 2_000))
        let test = try folder.write("test.csv", Self.grid(rows: 200, outlierAt: 77, latencyOnly: true))
        let out = folder.url.appendingPathComponent("scores.txt").path
        let shares = folder.url.appendingPathComponent("attribution.csv").path
        let outcome = try CLIProcess.run(["score", "--detector", detector, "--train", train, "--test", test, "--out", out,
                                          "--attribution", shares])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = try String(contentsOfFile: shares, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "score,cpu,memory,latency")
        #expect(lines.count == 201)
        let row = lines[78].split(separator: ",").compactMap { Double($0) }
        #expect(row.count == 4)
        #expect(row[3] > 0.5, "latency's share: \(lines[78])")
        #expect(abs(row[1...].reduce(0, +) - 1) < 1e-4)
    }

    @Test("mismatched columns and bad cells are data errors naming the file")
    func errors() throws {
        let folder = try TemporaryFolder()
        let train = try folder.write("train.csv", Self.grid(rows: 50))
        let other = try folder.write("other.csv", "cpu,disk\n1,2\n")
        let out = folder.url.appendingPathComponent("scores.txt").path
        let mismatch = try CLIProcess.run(["score", "--train", train, "--test", other, "--out", out])
        #expect(mismatch.status == 1)
        #expect(mismatch.standardError.contains("other.csv"))
        let bad = try folder.write("bad.csv", "cpu,memory,latency\n1,2,3\n1,x,3\n")
        let cell = try CLIProcess.run(["score", "--train", bad, "--test", train, "--out", out])
        #expect(cell.status == 1)
        #expect(cell.standardError.contains("bad.csv:3"))
        #expect(cell.standardError.contains("memory"))
        let unknown = try CLIProcess.run(["score", "--detector", "windowed-gaussian", "--train", train, "--test", train, "--out", out])
        #expect(unknown.status == 2)
    }
}
