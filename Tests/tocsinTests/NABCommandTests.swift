import Foundation
import Testing

@Suite("tocsin nab")
struct NABCommandTests {
    @Test("--score-only reproduces the official numenta scores")
    func scoreOnly() throws {
        let results = CLIProcess.corpus + "/results"
        let outcome = try CLIProcess.run(["nab", "--corpus", CLIProcess.corpus, "--results", results,
                                          "--detector", "numenta", "--score-only", "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(abs((report["standard"] as? Double ?? 0) - 70.101) < 0.01)
        #expect(abs((report["reward_low_FP_rate"] as? Double ?? 0) - 63.209) < 0.01)
        #expect(abs((report["reward_low_FN_rate"] as? Double ?? 0) - 74.320) < 0.01)
        #expect(report["detector"] as? String == "numenta")
        #expect(report["seconds"] is Double)
    }

    @Test("runs a detector over a corpus, writes NAB's layout, and prints the scoreboard")
    func runsAndWrites() throws {
        let folder = try TemporaryFolder()
        let corpus = try TinyCorpus.make(in: folder)
        let out = folder.url.appendingPathComponent("out").path
        let outcome = try CLIProcess.run(["nab", "--corpus", corpus.path, "--detector", "windowed-gaussian", "--out", out])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("Numenta HTM"))
        #expect(outcome.standardOutput.contains("tocsin windowed-gaussian"))
        let written = "\(out)/windowed-gaussian/realKnownCause/windowed-gaussian_nyc_taxi.csv"
        let lines = try String(contentsOfFile: written, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "timestamp,value,anomaly_score,label")
        #expect(lines.count == 10_321)
        let rescored = try CLIProcess.run(["nab", "--corpus", corpus.path, "--results", out, "--detector", "windowed-gaussian",
                                           "--score-only", "--json"])
        #expect(rescored.status == 0, "\(rescored.standardError)")
    }

    @Test("a missing corpus or results folder is a clear error")
    func errors() throws {
        let folder = try TemporaryFolder()
        let missing = try CLIProcess.run(["nab", "--corpus", folder.url.path, "--detector", "threshold"])
        #expect(missing.status == 1)
        #expect(!missing.standardError.isEmpty)
        let noResults = try CLIProcess.run(["nab", "--corpus", CLIProcess.corpus, "--score-only"])
        #expect(noResults.status == 2)
        #expect(noResults.standardError.contains("--results"))
        let underscore = try CLIProcess.run(["nab", "--corpus", CLIProcess.corpus, "--results", folder.url.path,
                                             "--detector", "my_detector", "--score-only"])
        #expect(underscore.status == 1)
    }
}
