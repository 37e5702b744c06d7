import Foundation
import Testing
import TocsinCore
import TocsinDetect
import TocsinEval

@Suite("Leave-one-category-out tuning")
struct CategoryCrossValidationTests {
    /// 1 at the first row of every labelled window, 0 elsewhere: NAB's perfect detector.
    static func oracle(_ corpus: NABCorpus) -> [String: [Double]] {
        var scores: [String: [Double]] = [:]
        for file in corpus.files {
            var rows = [Double](repeating: 0, count: file.rowCount)
            for window in file.windows { rows[window.lowerBound] = 1 }
            scores[file.key] = rows
        }
        return scores
    }

    static func nothing(_ corpus: NABCorpus) -> [String: [Double]] {
        corpus.files.reduce(into: [:]) { $0[$1.key] = [Double](repeating: 0, count: $1.rowCount) }
    }

    @Test("the perfect detector scores 100 held out, detecting nothing 0, and the perfect one is chosen everywhere")
    func extremes() throws {
        let corpus = try NABTestCorpus.corpus()
        let validation = CategoryCrossValidation(corpus: corpus)
        #expect(validation.categories.count == 7)
        let result = try validation.evaluate([("nothing", Self.nothing(corpus)), ("oracle", Self.oracle(corpus))], profile: .standard)
        #expect(result.best == "oracle")
        #expect(abs(result.inSample - 100) < 1e-9 && abs(result.heldOut - 100) < 1e-9)
        #expect(Set(result.choices.values) == ["oracle"] && result.choices.count == 7)
        let empty = try validation.evaluate([("nothing", Self.nothing(corpus))], profile: .standard)
        #expect(abs(empty.heldOut) < 1e-9)
    }

    @Test("held out, a noisy detector scores below its in-sample score")
    func heldOutIsHonest() throws {
        let full = try NABTestCorpus.corpus()
        // Three files per category keep the debug build quick.
        let files = Dictionary(grouping: full.files, by: \.category).values.flatMap { $0.sorted { $0.key < $1.key }.prefix(3) }
        let corpus = try NABCorpus(root: full.root, files: files.sorted { $0.key < $1.key })
        var random = SeededGenerator(seed: 9)
        // Windows score higher than the rest on average, with much overlap: a mediocre detector.
        let candidates: [CategoryCrossValidation.Candidate] = [0.35, 0.5].map { noise in
            var scores: [String: [Double]] = [:]
            for file in corpus.files {
                var rows = (0..<file.rowCount).map { _ in noise * random.nextUnit() }
                for window in file.windows { for row in window where random.nextUnit() < 0.02 { rows[row] = 0.3 + 0.7 * random.nextUnit() } }
                scores[file.key] = rows
            }
            return ("noise \(noise)", scores)
        }
        let result = try CategoryCrossValidation(corpus: corpus).evaluate(candidates, profile: .standard)
        #expect(result.heldOut < result.inSample, "held out \(result.heldOut), in sample \(result.inSample)")
    }

    @Test("configurations: the defaults first, then distinct reproducible draws within the budget")
    func configurations() {
        let drawn = TuningSpace.configurations(of: "random-cut-forest", budget: 6, seed: 3)
        #expect(drawn.count == 6 && drawn[0].isEmpty)
        #expect(Set(drawn).count == 6)
        #expect(drawn == TuningSpace.configurations(of: "random-cut-forest", budget: 6, seed: 3))
        #expect(TuningSpace.configurations(of: "windowed-gaussian", budget: 100, seed: 1).count == 7, "6 grid points and the defaults")
        #expect(TuningSpace.configurations(of: "no-such-detector", budget: 5, seed: 1) == [[:]])
    }
}
