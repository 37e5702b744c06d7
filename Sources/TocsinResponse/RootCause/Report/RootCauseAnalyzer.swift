import Foundation
import TocsinCore

/// Builds the ``RootCauseReport`` of an anomaly from the log records and the other anomalies
/// around it. Pure: it reads only its arguments, so callers fetch the records of the baseline
/// and anomaly windows (``windows(around:)``) and the anomalies of the co-anomaly window.
public struct RootCauseAnalyzer: Sendable {
    /// The settings.
    public let configuration: RootCauseConfiguration
    private let templates: TemplateRateRanker
    private let series: CoAnomalyRanker

    /// Creates an analyzer. Log rankings start from `miner` when given, e.g. one that has
    /// learned the service's logs for longer, and otherwise from an empty miner configured
    /// by ``RootCauseConfiguration/miner``.
    public init(configuration: RootCauseConfiguration = RootCauseConfiguration(),
                miner: TemplateMiner? = nil) throws(RootCauseError) {
        try configuration.validate()
        self.configuration = configuration
        let start: TemplateMiner
        if let miner {
            start = miner
        } else {
            start = try TemplateMiner(configuration: configuration.miner)
        }
        templates = try TemplateRateRanker(configuration: configuration.ranking, miner: start)
        series = try CoAnomalyRanker(configuration: configuration.coAnomaly)
    }

    /// The baseline window, ending where the anomaly window starts, and the anomaly window,
    /// ``RootCauseConfiguration/windowRadius`` either side of `date`.
    public func windows(around date: Date) -> (baseline: DateInterval, window: DateInterval) {
        let window = DateInterval(start: date.addingTimeInterval(-configuration.windowRadius),
                                  duration: 2 * configuration.windowRadius)
        let baseline = DateInterval(start: window.start.addingTimeInterval(-configuration.baselineDuration),
                                    duration: configuration.baselineDuration)
        return (baseline, window)
    }

    /// The report for `anomaly`, from log records of its service (and instance) and from
    /// `anomalies`, the anomalies of other series around it (any others are ignored).
    public func report(for anomaly: Anomaly, logs: [LogRecord], anomalies: [Anomaly]) -> RootCauseReport {
        let (baseline, window) = windows(around: anomaly.timestamp)
        let scope = LogScope(series: anomaly.series, labels: configuration.coAnomaly.labels,
                             includeInstance: configuration.scopeLogsToInstance)
        let hints = templates.rank(logs, baseline: baseline, window: window, scope: scope)
            .filter { $0.score > 0 }
            .prefix(configuration.maxHints)
        let related = series.rank(target: anomaly, among: anomalies).prefix(configuration.maxRelatedSeries)
        return RootCauseReport(anomaly: anomaly, baseline: baseline, window: window, logScope: scope,
                               logHints: Array(hints), relatedSeries: Array(related),
                               hasCriticalLogs: configuration.escalation.escalates(Array(hints)))
    }
}
