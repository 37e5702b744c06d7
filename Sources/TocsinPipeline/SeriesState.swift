import Foundation
import TocsinCore
import TocsinDetect
import TocsinStore

/// One series' live detector and the latest analysis, owned by a ``DetectionShard``.
struct SeriesState {
    static let recentAnomalyCount = 10

    let id: Int64
    let key: SeriesKey
    let rule: DetectorFactory.Rule
    /// The key of the series whose values are this one's context, if its rule names one.
    let contextKey: SeriesKey?
    var detector: any Detector
    var analysis: SeriesAnalysis?
    var recentAnomalies: [Anomaly] = []
    var pointsSeen = 0
    var pointsSinceSave = 0
    /// Scores over the threshold in a row, up to and including the latest point.
    var overThreshold = 0

    init(id: Int64, key: SeriesKey, rule: DetectorFactory.Rule, detector: any Detector) {
        self.id = id
        self.key = key
        self.rule = rule
        self.detector = detector
        contextKey = rule.context.map { SeriesKey(name: $0, labels: Dictionary(key.labels.map { ($0.name, $0.value) }) { a, _ in a }) }
    }

    var detectorName: String { rule.detector }

    /// Scores then learns one point, given its context value when the rule names one;
    /// nil for a point not newer than the latest one (it is stored, but a stream detector
    /// only moves forward).
    mutating func process(_ point: Point, context: Double?) -> (score: ScoreRecord, anomaly: Anomaly?)? {
        if let latest = analysis?.timestamp, point.timestamp <= latest { return nil }
        let threshold = detector.defaultThreshold
        let score: Double
        if let context, var contextual = detector as? any ContextualDetector {
            score = contextual.process(point, context: context)
            detector = contextual
        } else {
            score = detector.process(point)
        }
        pointsSeen += 1
        pointsSinceSave += 1
        overThreshold = score > 0 && score >= threshold ? overThreshold + 1 : 0
        let anomalous = rule.alert && overThreshold >= rule.consecutive
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
