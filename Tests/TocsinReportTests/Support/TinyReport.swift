import Foundation
import TocsinEval
@testable import TocsinReport

/// A hand-made two-file corpus with known detections at the standard threshold.
///
/// `s/a.csv` has 100 rows (probation 15) and one window over rows 50...59; its scores are 0.9
/// at rows 5 (probation, so no detection), 52, 53 (inside the window), 80 and 81 (one false
/// alarm of two rows), else 0.1. `s/b<x>&"q".csv`, a name that needs escaping, has 100 rows,
/// no window and 0.9 at row 40. The standard threshold is 0.9: the window's detection is worth
/// more than the three false positives cost. Row level: TP 2, FP 3, FN 8, TN 157; window
/// level: 1 detected window, 0 missed, 2 false alarms.
enum TinyReport {
    /// The name that needs escaping.
    static let oddName = "b<x>&\"q\".csv"

    static func corpus() throws -> NABCorpus {
        let timestamps = (0..<100).map { 1_404_172_800 + Double($0) * 300 }
        let values = (0..<100).map { row in row == 52 ? 40.0 : Double(row % 7) }
        return try NABCorpus(root: "memory", files: [
            try NABFile(category: "s", name: "a.csv", timestamps: timestamps, values: values, windows: [50...59]),
            try NABFile(category: "s", name: oddName, timestamps: timestamps, values: values, windows: []),
        ])
    }

    static func scores() -> [String: [Double]] {
        [
            "s/a.csv": (0..<100).map { [5, 52, 53, 80, 81].contains($0) ? 0.9 : 0.1 },
            "s/" + oddName: (0..<100).map { $0 == 40 ? 0.9 : 0.1 },
        ]
    }

    static func report() throws -> NABEvaluationReport {
        let corpus = try corpus()
        let scores = scores()
        let results = try NABScorer(corpus: corpus).evaluate(scores: scores)
        return try NABEvaluationReport(detector: "toy<detector>", corpus: corpus, scores: scores, results: results, seconds: 1.25)
    }
}

/// The number of times `needle` occurs in `text`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}
