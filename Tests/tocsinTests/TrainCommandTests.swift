import Foundation
import Testing

@Suite("tocsin train and --model")
struct TrainCommandTests {
    @Test("a batch model trained once scores exactly as fitting in place does")
    func batchModel() throws {
        let folder = try TemporaryFolder()
        let train = try folder.write("train.csv", ScoreCommandTests.grid(rows: 2_000))
        let test = try folder.write("test.csv", ScoreCommandTests.grid(rows: 300, outlierAt: 42))
        let model = folder.url.appendingPathComponent("model.json").path
        let trained = try CLIProcess.run(["train", "--detector", "isolation-forest", "--input", train, "--out", model, "--json"])
        #expect(trained.status == 0, "\(trained.standardError)")
        let summary = try JSONSerialization.jsonObject(with: Data(trained.standardOutput.utf8)) as? [String: Any]
        #expect(summary?["mode"] as? String == "batch" && summary?["rows"] as? Int == 2_000)
        let fromModel = folder.url.appendingPathComponent("a.txt").path
        let inPlace = folder.url.appendingPathComponent("b.txt").path
        #expect(try CLIProcess.run(["score", "--model", model, "--test", test, "--out", fromModel]).status == 0)
        #expect(try CLIProcess.run(["score", "--detector", "isolation-forest", "--train", train, "--test", test, "--out", inPlace]).status == 0)
        #expect(try String(contentsOfFile: fromModel, encoding: .utf8) == (try String(contentsOfFile: inPlace, encoding: .utf8)))

        let wrongColumns = try folder.write("other.csv", "timestamp,cpu\n1,2\n")
        let refused = try CLIProcess.run(["score", "--model", model, "--test", wrongColumns, "--out", fromModel])
        #expect(refused.status == 1 && refused.standardError.contains("differ from the model's"))
        #expect(try CLIProcess.run(["score", "--model", model, "--train", train, "--test", test, "--out", fromModel]).status == 2)
    }

    @Test("a streaming model continues where training stopped")
    func streamingModel() throws {
        let folder = try TemporaryFolder()
        func series(_ range: Range<Int>, spikeAt: Int? = nil) -> String {
            "timestamp,value\n" + range.map { row in
                "\(1_700_000_000 + row * 60),\(row == spikeAt ? 90.0 : 50 + 5 * sin(Double(row) / 20) + Noise.unit(row))\n"
            }.joined()
        }
        let history = try folder.write("history.csv", series(0..<3_000))
        let recent = try folder.write("recent.csv", series(3_000..<3_200, spikeAt: 3_100))
        let model = folder.url.appendingPathComponent("rcf.json").path
        let trained = try CLIProcess.run(["train", "--detector", "random-cut-forest", "--param", "trees=20", "--input", history, "--out", model])
        #expect(trained.status == 0, "\(trained.standardError)")
        #expect(trained.standardOutput.contains("trained random-cut-forest (streaming) on 3000 rows"))
        // Trained, it scores from the first point of the new file and flags the spike;
        // an empty detector would still be warming up there.
        let detected = try CLIProcess.run(["detect", "--model", model, "--json", recent])
        #expect(detected.status == 0, "\(detected.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(detected.standardOutput.utf8)) as? [String: Any]
        let rows = (report?["anomalies"] as? [[String: Any]])?.compactMap { $0["row"] as? Int } ?? []
        #expect(rows.contains(101), "anomalies at rows \(rows)")
        #expect(report?["detector"] as? String == "random-cut-forest", "the model's detector is reported")
        let broken = try folder.write("broken.json", "{}")
        #expect(try CLIProcess.run(["detect", "--model", broken, recent]).status == 1)
        // An edited model (a child node out of the pool) is refused with the reason, not run into a crash.
        var saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: model))) as? [String: Any])
        var state = try #require(saved["state"] as? [String: Any])
        var forest = try #require(state["forest"] as? [String: Any])
        var nodes = try #require(forest["nodes"] as? [String: Any])
        var cuts = try #require(nodes["cuts"] as? [[String: Any]])
        let root = try #require((forest["trees"] as? [[String: Any]])?.first?["root"] as? Int)
        cuts[root]["left"] = 999_999
        nodes["cuts"] = cuts
        forest["nodes"] = nodes
        state["forest"] = forest
        saved["state"] = state
        let edited = folder.url.appendingPathComponent("edited.json").path
        try JSONSerialization.data(withJSONObject: saved).write(to: URL(fileURLWithPath: edited))
        let refused = try CLIProcess.run(["detect", "--model", edited, recent])
        #expect(refused.status == 1, "\(refused.standardError)")
        #expect(refused.standardError.contains("edited.json") && refused.standardError.contains("node 999999 is outside the pool"))
    }
}
