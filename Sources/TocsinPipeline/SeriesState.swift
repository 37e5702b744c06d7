import Foundation
import TocsinCore
import TocsinDetect
import TocsinStore

/// One series' live detector and the latest analysis, owned by a ``DetectionShard``.
struct SeriesState {
    static let recentAnomalyCount = 10

    let id: Int64
    let key: SeriesKey
    let detectorName: String
    var detector: any Detector
    var analysis: SeriesAnalysis?
    var recentAnomalies: [Anomaly] = []
    var pointsSeen = 0
    var pointsSinceSave = 0

    init(id: Int64, key: SeriesKey, detectorName: String, detector: any Detector) {
        self.id = id
        self.key = key
        self.detectorName = detectorName
        self.detector = detector
    }

    /// Scores then learns one point; nil for a point not newer than the latest one
    /// (it is stored, but a stream detector only moves forward).
    mutating func process(_ point: Point) -> (score: ScoreRecord, anomaly: Anomaly?)? {
        if let latest = analysis?.timestamp, point.timestamp <= latest { return nil }
        let threshold = detector.defaultThreshold
        let score = detector.process(point)
        pointsSeen += 1
        pointsSinceSave += 1
        let anomalous = score > 0 && score >= threshold
        var anomaly: Anomaly?
        if anomalous {
            let found = Anomaly(series: key, timestamp: point.timestamp, value: point.value, score: score,
                                threshold: threshold, detector: detectorName)
            recentAnomalies.insert(found, at: 0)
            if recentAnomalies.count > Self.recentAnomalyCount { recentAnomalies.removeLast() }
            anomaly = found
        }
        analysis = SeriesAnalysis(id: id, series: key, detector: detectorName, timestamp: point.timestamp, value: point.value,
                                  score: score, threshold: threshold, anomalous: anomalous, pointsSeen: pointsSeen,
                                  recentAnomalies: recentAnomalies)
        let record = ScoreRecord(series: id, timestamp: point.timestamp, score: score, threshold: threshold, detector: detectorName)
        return (record, anomaly)
    }
}
