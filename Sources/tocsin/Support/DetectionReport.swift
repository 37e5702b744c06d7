import Foundation
import TocsinCore
import TocsinDetect

/// What `tocsin detect` prints.
struct DetectionReport: Encodable {
    struct Finding: Encodable {
        /// 1-based data row (the header is row 0).
        let row: Int
        let timestamp: String?
        let value: Double
        let score: Double
        let threshold: Double
    }

    let detector: String
    let file: String
    let points: Int
    /// Wall time of scoring and learning every point (no parsing, no output).
    let detectionSeconds: Double
    let anomalies: [Finding]

    init(detector: String, file: String, series: SeriesInput, scan: SeriesScan, seconds: Double) {
        self.detector = detector
        self.file = file
        points = series.points.count
        detectionSeconds = seconds
        anomalies = scan.anomalies.map { index in
            Finding(row: index + 1,
                    timestamp: series.hasTimestamps ? UTCTimestamp.iso8601(series.points[index].timestamp.timeIntervalSince1970) : nil,
                    value: series.points[index].value, score: scan.scores[index], threshold: scan.thresholds[index])
        }
    }

    /// A plain-text table, one anomaly a line.
    var table: String {
        var lines = ["\(detector) on \(file): \(anomalies.count) anomalies in \(points) points"]
        guard !anomalies.isEmpty else { return lines[0] }
        lines.append(pad("row", 8) + pad("timestamp", 22) + pad("value", 16) + "score")
        for finding in anomalies {
            lines.append(pad(String(finding.row), 8) + pad(finding.timestamp ?? "-", 22)
                         + pad(String(format: "%.6g", finding.value), 16) + String(format: "%.6f", finding.score))
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
