import Testing
import TocsinEval
@testable import TocsinReport

@Suite struct DetectionCountsTests {
    @Test func rowAndWindowCountsOfTheTinyCorpus() throws {
        let report = try TinyReport.report()
        #expect(report.threshold == 0.9)
        let evaluations = report.fileEvaluations
        #expect(evaluations.map(\.file.key) == ["s/a.csv", "s/" + TinyReport.oddName])
        let a = evaluations[0]
        #expect(a.detections.indices.filter { a.detections[$0] } == [52, 53, 80, 81])
        #expect(a.rows == ConfusionMatrix(truePositives: 2, falsePositives: 2, falseNegatives: 8, trueNegatives: 73))
        #expect(a.windows == WindowDetectionCounts(detectedWindows: 1, missedWindows: 0, falseAlarms: 1))
        #expect(evaluations[1].windows == WindowDetectionCounts(detectedWindows: 0, missedWindows: 0, falseAlarms: 1))
        let windows = evaluations.reduce(WindowDetectionCounts.zero) { $0 + $1.windows }
        #expect(windows.matrix.precision == 1.0 / 3)
        #expect(windows.matrix.recall == 1)
        #expect(windows.matrix.f1 == 0.5)
    }

    @Test func rowCountsAgreeWithACountOfTheDetections() throws {
        let report = try TinyReport.report()
        for evaluation in report.fileEvaluations {
            let scored = evaluation.file.probationLength..<evaluation.file.rowCount
            let labels = evaluation.file.windowLabels
            let independent = try ConfusionMatrix(
                predictions: scored.map { evaluation.scores[$0] >= report.threshold }, labels: scored.map { labels[$0] })
            #expect(evaluation.rows == independent)
        }
    }

    @Test func aMissedWindowAndADetectionRunIntoAWindow() throws {
        let file = try NABFile(
            category: "s", name: "c.csv", timestamps: (0..<100).map(Double.init), values: [Double](repeating: 0, count: 100),
            windows: [30...39, 60...69])
        var detections = [Bool](repeating: false, count: 100)
        for row in 27...31 { detections[row] = true }
        detections[90] = true
        detections[92] = true
        let counts = WindowDetectionCounts(file: file, detections: detections)
        // Rows 27-29 lead into window 1 (one false alarm), window 2 is missed, rows 90 and 92 are two alarms.
        #expect(counts == WindowDetectionCounts(detectedWindows: 1, missedWindows: 1, falseAlarms: 3))
    }

    @Test func reportsRejectScoresThatDoNotFitTheCorpus() throws {
        let corpus = try TinyReport.corpus()
        let scores = TinyReport.scores()
        let results = try NABScorer(corpus: corpus).evaluate(scores: scores)
        var missing = scores
        missing["s/a.csv"] = nil
        #expect(throws: NABError(file: "s/a.csv", reason: "has no anomaly scores")) {
            try NABEvaluationReport(detector: "d", corpus: corpus, scores: missing, results: results, seconds: 0)
        }
        var short = scores
        short["s/a.csv"] = [0.5]
        #expect(throws: NABError(file: "s/a.csv", reason: "has 1 anomaly scores but 100 data rows")) {
            try NABEvaluationReport(detector: "d", corpus: corpus, scores: short, results: results, seconds: 0)
        }
        #expect(throws: NABError.self) {
            try NABEvaluationReport(detector: "d", corpus: corpus, scores: scores, results: [], seconds: 0)
        }
    }
}
