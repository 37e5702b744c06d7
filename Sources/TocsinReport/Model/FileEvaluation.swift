import TocsinEval

/// One corpus file's detections at the report's threshold, with its row- and window-level counts.
struct FileEvaluation: Sendable {
    /// The file.
    let file: NABFile
    /// The detector's anomaly score of each row.
    let scores: [Double]
    /// The scorer's result for the file at ``threshold``.
    let nabScore: NABFileScore
    /// Rows whose anomaly score is at least this are detections.
    let threshold: Double
    /// For each row, whether it is a detection: a row after the probation period whose anomaly
    /// score is at least ``threshold`` (NAB ignores the probation rows).
    let detections: [Bool]
    /// Row-level counts over the scored rows: NAB's own TP, FP, FN and TN.
    let rows: ConfusionMatrix
    /// Window-level counts: detected and missed windows, and false alarms.
    let windows: WindowDetectionCounts
    /// The distribution of the scored rows' anomaly scores.
    let distribution: ScoreDistribution

    init(file: NABFile, scores: [Double], nabScore: NABFileScore, threshold: Double) {
        let scored = file.probationLength..<file.rowCount
        var detections = [Bool](repeating: false, count: file.rowCount)
        for row in scored where scores[row] >= threshold {
            detections[row] = true
        }
        self.file = file
        self.scores = scores
        self.nabScore = nabScore
        self.threshold = threshold
        self.detections = detections
        rows = ConfusionMatrix(nabScore.counts)
        windows = WindowDetectionCounts(file: file, detections: detections)
        distribution = ScoreDistribution(scores: scores[scored])
    }
}

extension ConfusionMatrix {
    /// The same counts as NAB's row counts.
    init(_ counts: NABCounts) {
        self.init(
            truePositives: counts.truePositives, falsePositives: counts.falsePositives,
            falseNegatives: counts.falseNegatives, trueNegatives: counts.trueNegatives)
    }
}
