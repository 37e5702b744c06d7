import TocsinEval

/// Precision, recall and F1 at the report's threshold, at row and at window level, with the
/// definitions of both.
enum DetectionMetricsSection {
    /// The metrics table for row counts `rows` and window counts `windows`.
    static func table(rows: ConfusionMatrix, windows: WindowDetectionCounts) -> String {
        var table = HTMLTable(headers: ["level", "TP", "FP", "FN", "precision", "recall", "F1"])
        let windowMatrix = windows.matrix
        for (level, matrix) in [("rows", rows), ("windows", windowMatrix)] {
            table.append([
                .text(level),
                .number(NumberText.count(matrix.truePositives)),
                .number(NumberText.count(matrix.falsePositives)),
                .number(NumberText.count(matrix.falseNegatives)),
                .number(NumberText.ratio(matrix.precision)),
                .number(NumberText.ratio(matrix.recall)),
                .number(NumberText.ratio(matrix.f1)),
            ])
        }
        return table.markup
    }

    /// What the table's figures mean, for detections at `threshold`, the threshold of `profile`.
    static func definitions(threshold: Double, profile: String) -> String {
        let threshold = HTMLText.escape(NumberText.threshold(threshold))
        return """
            <dl class="definitions">
            <dt>Detection</dt>
            <dd>A row after the file's probation period (NAB scores no row before it) whose anomaly score is at \
            least \(threshold), the threshold NAB's optimization chose for the \(HTMLText.escape(profile)) profile.</dd>
            <dt>Row level</dt>
            <dd>Every scored row counts once: TP = detections inside anomaly windows, FP = detections outside, \
            FN = undetected rows inside windows (NAB's own counts). Precision = TP/(TP+FP), recall = TP/(TP+FN), \
            F1 = 2TP/(2TP+FP+FN). Windows are wide, so row recall is low even for a detector that finds every window.</dd>
            <dt>Window level</dt>
            <dd>TP = windows with at least one detection, FN = windows without one, FP = false alarms: runs of \
            consecutive detections outside every window, each counted once. Precision = TP/(TP+FP), \
            recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN).</dd>
            <dt>n/a</dt>
            <dd>A ratio whose denominator is 0, such as precision with no detection.</dd>
            </dl>
            """
    }
}
