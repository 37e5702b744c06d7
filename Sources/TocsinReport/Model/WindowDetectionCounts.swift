import TocsinEval

/// Window-level (event) counts of a set of detections against a file's anomaly windows.
///
/// Only windows with at least one scored (non-probation) row count. A window is detected when
/// at least one of its scored rows is a detection, else missed. A false alarm is a maximal run
/// of consecutive detections outside every window, so a burst of flagged rows counts once.
/// As a confusion matrix: TP = detected windows, FP = false alarms, FN = missed windows,
/// and TN is not defined (0).
struct WindowDetectionCounts: Sendable, Equatable {
    /// Windows with at least one detection.
    var detectedWindows: Int
    /// Windows without a detection.
    var missedWindows: Int
    /// Runs of consecutive detections outside every window.
    var falseAlarms: Int

    /// Nothing counted.
    static let zero = WindowDetectionCounts(detectedWindows: 0, missedWindows: 0, falseAlarms: 0)

    init(detectedWindows: Int, missedWindows: Int, falseAlarms: Int) {
        self.detectedWindows = detectedWindows
        self.missedWindows = missedWindows
        self.falseAlarms = falseAlarms
    }

    /// Counts `detections` (one per row; probation rows must be `false`) against `file`'s windows.
    init(file: NABFile, detections: [Bool]) {
        var counts = WindowDetectionCounts.zero
        for window in file.windows where window.upperBound >= file.probationLength {
            let scored = max(window.lowerBound, file.probationLength)...window.upperBound
            if scored.contains(where: { detections[$0] }) {
                counts.detectedWindows += 1
            } else {
                counts.missedWindows += 1
            }
        }
        let inWindow = file.windowLabels
        var inAlarm = false
        for row in file.probationLength..<file.rowCount {
            let alarm = detections[row] && !inWindow[row]
            if alarm && !inAlarm { counts.falseAlarms += 1 }
            inAlarm = alarm
        }
        self = counts
    }

    /// The counts as a confusion matrix, for precision, recall and F1 (TN is 0).
    var matrix: ConfusionMatrix {
        ConfusionMatrix(
            truePositives: detectedWindows, falsePositives: falseAlarms, falseNegatives: missedWindows,
            trueNegatives: 0)
    }

    /// The element-wise sum.
    static func + (left: WindowDetectionCounts, right: WindowDetectionCounts) -> WindowDetectionCounts {
        WindowDetectionCounts(
            detectedWindows: left.detectedWindows + right.detectedWindows,
            missedWindows: left.missedWindows + right.missedWindows,
            falseAlarms: left.falseAlarms + right.falseAlarms)
    }
}
