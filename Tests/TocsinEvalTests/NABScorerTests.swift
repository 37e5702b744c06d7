import Foundation
import Testing
import TocsinEval

/// Hand-computed cases for the scorer on a tiny corpus: file `s/a.csv` has 100 rows, a probation
/// period of 15 rows and one window over rows 50...59; file `s/b.csv` has 100 rows and no window.
@Suite struct NABScorerTests {
    let scorer: NABScorer

    init() throws {
        let corpus = try NABCorpus(root: "memory", files: [
            try SyntheticNAB.file("a.csv", category: "s", rows: 100, windows: [50...59]),
            try SyntheticNAB.file("b.csv", category: "s", rows: 100),
        ])
        scorer = NABScorer(corpus: corpus)
    }

    /// σ(y) = 2/(1 + e^{5y}) − 1.
    func sigma(_ y: Double) -> Double { 2 / (1 + exp(5 * y)) - 1 }

    /// Scores with 1 at the given rows of `a.csv` and `b.csv`, 0 elsewhere.
    func scores(a: [Int: Double] = [:], b: [Int: Double] = [:]) -> [String: [Double]] {
        [
            "s/a.csv": (0..<100).map { a[$0] ?? 0 },
            "s/b.csv": (0..<100).map { b[$0] ?? 0 },
        ]
    }

    func score(a: [Int: Double] = [:], b: [Int: Double] = [:], profile: NABProfile = .standard) throws -> NABScoreSheet {
        try scorer.score(scores: scores(a: a, b: b), profile: profile, threshold: 0.5)
    }

    @Test func aWindowDetectedAtItsFirstRowIsWorthATruePositive() throws {
        let sheet = try score(a: [50: 1])
        #expect(abs(sheet.score - 1) < 1e-12)
        #expect(sheet.counts == NABCounts(truePositives: 1, falsePositives: 0, falseNegatives: 9, trueNegatives: 160))
        #expect(sheet.counts.total == 85 + 85)
        #expect(sheet.files.map(\.key) == ["s/a.csv", "s/b.csv"])
        #expect(sheet.files.map(\.score) == [sheet.score, 0])
    }

    @Test func laterDetectionsInAWindowAreWorthLess() throws {
        let sheet = try score(a: [55: 1, 57: 1])
        #expect(abs(sheet.score - sigma(-0.5) / sigma(-1)) < 1e-12)
        #expect(sheet.counts.truePositives == 2)
    }

    @Test func aMissedWindowCostsAFalseNegative() throws {
        #expect(try score().score == -1)
        #expect(try score(profile: .rewardLowFNRate).score == -2)
    }

    @Test func aFalsePositiveBeforeAnyWindowCostsAFalsePositive() throws {
        let sheet = try score(b: [50: 1])
        #expect(abs(sheet.files[1].score - -0.11) < 1e-12)
        #expect(sheet.files[1].counts == NABCounts(truePositives: 0, falsePositives: 1, falseNegatives: 0, trueNegatives: 84))
        #expect(abs(try score(a: [20: 1], profile: .rewardLowFPRate).score - (-0.22 - 1)) < 1e-12)
    }

    @Test func falsePositivesAfterAWindowCostLessNearIt() throws {
        #expect(abs(try score(a: [50: 1, 68: 1]).score - (1 + 0.11 * sigma(1))) < 1e-12)
        #expect(abs(try score(a: [50: 1, 60: 1]).score - (1 + 0.11 * sigma(1.0 / 9))) < 1e-12)
        #expect(abs(try score(a: [50: 1, 87: 1]).score - (1 - 0.11)) < 1e-12)
    }

    @Test func probationRowsDoNotCount() throws {
        let sheet = try score(a: [5: 1], b: [14: 1])
        #expect(sheet.score == -1)
        #expect(sheet.counts.falsePositives == 0)
        #expect(try score(b: [15: 1]).counts.falsePositives == 1)
    }

    @Test func detectionsAreScoresAtOrAboveTheThreshold() throws {
        let sheet = try scorer.score(scores: scores(a: [50: 0.5, 70: 0.49]), profile: .standard, threshold: 0.5)
        #expect(sheet.counts.truePositives == 1)
        #expect(sheet.counts.falsePositives == 0)
    }

    @Test func optimizationPrefersTheHighestThresholdAmongTies() throws {
        // At 0.9 the window is caught at its first row; lowering to 0.8 adds a later row of the
        // same window, which leaves the score unchanged: 0.9 must win.
        let best = try scorer.optimizeThreshold(scores: scores(a: [50: 0.9, 56: 0.8]), profile: .standard)
        #expect(best.threshold == 0.9)
        #expect(abs(best.score - 1) < 1e-12)
        #expect(best.counts == NABCounts(truePositives: 1, falsePositives: 0, falseNegatives: 9, trueNegatives: 160))
    }

    @Test func optimizationKeepsNothingDetectedWhenDetectionsOnlyCost() throws {
        let best = try scorer.optimizeThreshold(scores: scores(b: [40: 0.7, 41: 0.6]), profile: .standard)
        #expect(best.threshold == 1.1)
        #expect(best.score == -1)
    }

    @Test func optimizationWeighsFalsePositivesAgainstDetections() throws {
        // Catching the window at 0.6 costs two false positives before it: worth it under
        // `standard` (1 − 0.22 > −1) and under `reward_low_FP_rate` (1 − 0.44 > −1).
        let values = scores(a: [20: 0.7, 30: 0.65, 50: 0.6])
        let standard = try scorer.optimizeThreshold(scores: values, profile: .standard)
        #expect(standard.threshold == 0.6)
        #expect(abs(standard.score - (1 - 0.22)) < 1e-12)
        // Twelve false positives at 0.8 outweigh the window under `reward_low_FP_rate` only.
        let noisy = scores(a: [50: 0.6], b: Dictionary(uniqueKeysWithValues: (20..<32).map { ($0, 0.8) }))
        #expect(try scorer.optimizeThreshold(scores: noisy, profile: .standard).threshold == 0.6)
        #expect(try scorer.optimizeThreshold(scores: noisy, profile: .rewardLowFPRate).threshold == 1.1)
    }

    @Test func normalizationRunsFromNullToPerfect() throws {
        let perfect = try scorer.evaluate(scores: scores(a: [50: 1]))
        #expect(perfect.map(\.threshold) == [1, 1, 1])
        for result in perfect {
            #expect(abs(result.normalizedScore - 100) < 1e-9)
            #expect(result.nullScore == -result.profile.falseNegativeWeight)
            #expect(result.perfectScore == 1)
        }
        let null = try scorer.evaluate(scores: scores(a: [0: 0.5]))
        #expect(null.map(\.normalizedScore) == [0, 0, 0])
        #expect(null.map(\.threshold) == [1.1, 1.1, 1.1])
        #expect(try scorer.normalize(-0.5, profile: .standard) == 25)
        #expect(try scorer.normalize(-0.5, profile: .rewardLowFNRate) == 50)
    }

    @Test func sweepMatchesScoringEveryCandidate() throws {
        var generator = SplitMixGenerator(seed: 7)
        let corpus = try NABCorpus(root: "memory", files: [
            try SyntheticNAB.file("a.csv", category: "r", rows: 300, windows: [60...89, 150...151, 200...239]),
            try SyntheticNAB.file("b.csv", category: "r", rows: 200, windows: [100...100]),
            try SyntheticNAB.file("c.csv", category: "r", rows: 120),
        ])
        let scorer = NABScorer(corpus: corpus)
        for profile in NABProfile.defaults {
            var scores: [String: [Double]] = [:]
            for file in corpus.files {
                // Coarse levels make ties, and rows inside windows lean higher.
                let labels = file.windowLabels
                scores[file.key] = labels.map { inside in
                    (Double(Int.random(in: 0...20, using: &generator)) / 20 + (inside ? 0.3 : 0)) / 1.3
                }
            }
            let best = try scorer.optimizeThreshold(scores: scores, profile: profile)
            let candidates = [1.1] + Set(scores.values.joined()).sorted(by: >)
            let all = try candidates.map { try scorer.score(scores: scores, profile: profile, threshold: $0).score }
            let maximum = all.max() ?? -.infinity
            #expect(abs(best.score - maximum) < 1e-9)
            let firstBest = try #require(all.firstIndex { abs($0 - maximum) < 1e-9 })
            #expect(best.threshold == candidates[firstBest])
            let sheet = try scorer.score(scores: scores, profile: profile, threshold: best.threshold)
            #expect(abs(sheet.score - best.score) < 1e-9)
            #expect(sheet.counts == best.counts)
        }
    }

    @Test func oneRowWindowsAndWindowsInsideProbationScoreLikeNAB() throws {
        let corpus = try NABCorpus(root: "memory", files: [
            try SyntheticNAB.file("a.csv", category: "q", rows: 100, windows: [3...5, 50...50]),
        ])
        let scorer = NABScorer(corpus: corpus)
        var values = [Double](repeating: 0, count: 100)
        values[50] = 1
        values[51] = 1
        let sheet = try scorer.score(scores: ["q/a.csv": values], profile: .standard, threshold: 0.5)
        // The one-row window is caught (worth 1); the row after it is a false positive at
        // y = 1/(1 − 1) = +∞, i.e. the full −A_FP (NAB's Python would divide by zero here).
        // The window inside probation counts in neither the score nor the null score, as in NAB.
        #expect(abs(sheet.score - (1 - 0.11)) < 1e-12)
        #expect(scorer.nullScore(profile: .standard) == -1)
        #expect(scorer.perfectScore(profile: .standard) == 2)
    }

    @Test func rejectsScoresThatDoNotFitTheCorpus() throws {
        var values = scores()
        values["s/b.csv"] = nil
        #expect(throws: NABError(file: "s/b.csv", reason: "has no anomaly scores")) {
            try scorer.evaluate(scores: values)
        }
        values["s/b.csv"] = [0.5]
        #expect(throws: NABError(file: "s/b.csv", reason: "has 1 anomaly scores but 100 data rows")) {
            try scorer.evaluate(scores: values)
        }
        values["s/b.csv"] = [Double](repeating: 0, count: 99) + [1.5]
        #expect(throws: NABError(file: "s/b.csv", reason: "row 99: anomaly score 1.5 is outside [0, 1]")) {
            try scorer.evaluate(scores: values)
        }
        values = scores()
        values["s/c.csv"] = []
        #expect(throws: NABError(file: "s/c.csv", reason: "has anomaly scores but is not a file of the corpus memory")) {
            try scorer.evaluate(scores: values)
        }
    }

    @Test func refusesToNormalizeWithoutWindows() throws {
        let scorer = NABScorer(corpus: try NABCorpus(root: "memory", files: [try SyntheticNAB.file("b.csv", rows: 30)]))
        #expect(throws: NABError(
            file: "memory",
            reason: "cannot normalize under profile \"standard\": the perfect and null scores are both 0.0 (the corpus has no windows?)")) {
            try scorer.evaluate(scores: ["synthetic/b.csv": [Double](repeating: 0, count: 30)], profiles: [.standard])
        }
    }
}

/// A small deterministic random number generator (SplitMix64) for reproducible test data.
struct SplitMixGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
