import Testing
import TocsinEval

@Suite struct MetricsTests {
    @Test func aucOfSeparatedAndReversedScores() throws {
        #expect(try ROCAUC.score(scores: [0.1, 0.2, 0.8, 0.9], labels: [false, false, true, true]) == 1)
        #expect(try ROCAUC.score(scores: [0.9, 0.8, 0.2, 0.1], labels: [false, false, true, true]) == 0)
    }

    @Test func aucOfAMixedRanking() throws {
        // Pairs (positive, negative): (0.35, 0.1) ✓, (0.35, 0.4) ✗, (0.8, 0.1) ✓, (0.8, 0.4) ✓ → 3/4.
        #expect(try ROCAUC.score(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true]) == 0.75)
    }

    @Test func aucCountsTiesAsOneHalf() throws {
        // Positives {0.5, 0.9}, negatives {0.5, 0.2}: 0.5 + 1 + 1 + 1 = 3.5 of 4 pairs.
        #expect(try ROCAUC.score(scores: [0.5, 0.5, 0.2, 0.9], labels: [true, false, false, true]) == 0.875)
        #expect(try ROCAUC.score(scores: [3, 3, 3, 3, 3], labels: [true, false, false, true, false]) == 0.5)
        // Positive 1 ties two of three negatives: (0.5 + 0.5 + 1) / 3.
        #expect(abs(try ROCAUC.score(scores: [1, 1, 1, 0], labels: [true, false, false, false]) - 2.0 / 3) < 1e-15)
    }

    @Test func aucRejectsUndefinedCases() {
        #expect(throws: MetricsError(reason: "3 scores but 2 labels; they must pair up one to one")) {
            try ROCAUC.score(scores: [1, 2, 3], labels: [true, false])
        }
        #expect(throws: MetricsError(reason: "the AUC needs both positive and negative labels; got 2 positive and 0 negative")) {
            try ROCAUC.score(scores: [1, 2], labels: [true, true])
        }
        #expect(throws: MetricsError(reason: "score 1 is NaN")) {
            try ROCAUC.score(scores: [1, .nan], labels: [true, false])
        }
    }

    @Test func precisionRecallAndF1() throws {
        let matrix = try ConfusionMatrix(
            predictions: [true, true, false, false, true, true],
            labels: [true, false, true, false, true, true])
        #expect(matrix == ConfusionMatrix(truePositives: 3, falsePositives: 1, falseNegatives: 1, trueNegatives: 1))
        #expect(matrix.precision == 0.75)
        #expect(matrix.recall == 0.75)
        #expect(matrix.f1 == 0.75)

        let lopsided = ConfusionMatrix(truePositives: 1, falsePositives: 3, falseNegatives: 0, trueNegatives: 6)
        #expect(lopsided.precision == 0.25)
        #expect(lopsided.recall == 1)
        #expect(lopsided.f1 == 0.4)
    }

    @Test func undefinedRatiosAreNil() throws {
        let silent = try ConfusionMatrix(predictions: [false, false], labels: [true, false])
        #expect(silent.precision == nil)
        #expect(silent.recall == 0)
        #expect(silent.f1 == 0)
        let empty = try ConfusionMatrix(predictions: [false], labels: [false])
        #expect(empty.precision == nil)
        #expect(empty.recall == nil)
        #expect(empty.f1 == nil)
        #expect(throws: MetricsError(reason: "1 predictions but 2 labels; they must pair up one to one")) {
            try ConfusionMatrix(predictions: [true], labels: [true, false])
        }
    }
}
