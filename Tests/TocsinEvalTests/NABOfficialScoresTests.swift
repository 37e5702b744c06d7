import Foundation
import Testing
import TocsinEval

/// The scorer against NAB's own published figures, from the result files shipped with the corpus.
@Suite struct NABOfficialScoresTests {
    struct Expected: Sendable, CustomStringConvertible {
        let detector: String
        let standard: Double
        let lowFalsePositives: Double
        let lowFalseNegatives: Double
        var description: String { detector }
    }

    /// The official scorer's figures with re-optimized thresholds (SCORING.md §8).
    static let expectations = [
        Expected(detector: "numenta", standard: 70.101, lowFalsePositives: 63.209, lowFalseNegatives: 74.320),
        Expected(detector: "windowedGaussian", standard: 39.650, lowFalsePositives: 20.868, lowFalseNegatives: 47.410),
        Expected(detector: "null", standard: 0, lowFalsePositives: 0, lowFalseNegatives: 0),
    ]

    @Test(arguments: expectations)
    func reproducesOptimizedNormalizedScores(_ expected: Expected) throws {
        let corpus = try NABTestCorpus.corpus()
        let scores = try NABResultsReader.read(
            detector: expected.detector, from: NABTestCorpus.root + "/results", corpus: corpus)
        let profiles = try NABProfile.load(root: NABTestCorpus.root)
        #expect(profiles == NABProfile.defaults)
        let results = try NABScorer(corpus: corpus).evaluate(scores: scores, profiles: profiles)
        let normalized = results.map(\.normalizedScore)
        let wanted = [expected.standard, expected.lowFalsePositives, expected.lowFalseNegatives]
        for (got, want) in zip(normalized, wanted) {
            #expect(abs(got - want) < 0.01, "\(expected.detector): got \(got), expected \(want)")
        }
        for result in results {
            #expect(result.nullScore == -116 * result.profile.falseNegativeWeight)
            #expect(result.perfectScore == 116 * result.profile.truePositiveWeight)
            #expect(result.counts.total == 332_842)
            #expect(result.files.count == 58)
        }
    }

    /// Scoring at the thresholds NAB shipped in `config/thresholds.json` reproduces the published
    /// `results/final_results.json` (where numenta's reward_low_FP_rate threshold is not the optimum).
    @Test(arguments: ["numenta", "windowedGaussian", "null"])
    func reproducesPublishedScoresAtShippedThresholds(_ detector: String) throws {
        let corpus = try NABTestCorpus.corpus()
        let scorer = NABScorer(corpus: corpus)
        let scores = try NABResultsReader.read(detector: detector, from: NABTestCorpus.root + "/results", corpus: corpus)
        let thresholds = try #require(
            try json(NABTestCorpus.root + "/config/thresholds.json")[detector] as? [String: [String: Any]])
        let published = try #require(try json(NABTestCorpus.root + "/results/final_results.json")[detector] as? [String: Double])
        for profile in NABProfile.defaults {
            let threshold = try #require(thresholds[profile.name]?["threshold"] as? Double)
            let sheet = try scorer.score(scores: scores, profile: profile, threshold: threshold)
            let normalized = try scorer.normalize(sheet.score, profile: profile)
            let expected = try #require(published[profile.name])
            #expect(abs(normalized - expected) < 1e-9, "\(detector) \(profile.name): got \(normalized), published \(expected)")
        }
    }

    private func json(_ path: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        return try #require(object as? [String: Any])
    }
}
