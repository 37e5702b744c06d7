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
    /// A context series' latest value.
    struct ContextValue {
        let timestamp: Date
        let value: Double
    }

    /// The key of the series whose values are this one's context, if its rule names one.
    let contextKey: SeriesKey?
    /// That series' identifier, once it has been seen.
    private var contextIdentifier: Int64?
    /// Whether this series is some rule's context.
    let isContext: Bool
    var detector: any Detector
    var analysis: SeriesAnalysis?
    var recentAnomalies: [Anomaly] = []
    var pointsSeen = 0
    var pointsSinceSave = 0
    /// Scores over the threshold in a row, up to and including the latest point.
    var overThreshold = 0

    init(id: Int64, key: SeriesKey, rule: DetectorFactory.Rule, detector: any Detector, isContext: Bool) {
        self.id = id
        self.isContext = isContext
        self.key = key
        self.rule = rule
        self.detector = detector
        contextKey = rule.context.map(key.renamed)
    }

    var detectorName: String { rule.detector }

    /// Scores then learns one point, with its context's latest value (from `contexts`,
    /// the shard's latest context values, found through `contextSeries`) when the rule
    /// names one; nil for a point not newer than the latest one (it is stored, but a
    /// stream detector only moves forward).
    mutating func process(_ point: Point, contexts: [Int64: ContextValue],
                          contextSeries: [SeriesKey: Int64]) -> (score: ScoreRecord, anomaly: Anomaly?)? {
        if let latest = analysis?.timestamp, point.timestamp <= latest { return nil }
        if let contextKey, contextIdentifier == nil { contextIdentifier = contextSeries[contextKey] }
        let context = contextIdentifier.flatMap { contexts[$0]?.value }
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
