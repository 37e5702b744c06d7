import Foundation
import TocsinCore

/// Lists the series that went anomalous at about the same time as a target anomaly on the
/// same instance or service, closest in time and strongest first.
///
/// Each related series is summarised by its anomaly closest to the target (the earlier one
/// on a tie), whose lag says whether it led (a possible cause), coincided or lagged, and by
/// its highest score in the window. Series are ranked by relevance: score ×
/// exp(−|lag| / ``CoAnomalyConfiguration/lagScale``), times
/// ``CoAnomalyConfiguration/serviceWeight`` when only the service is shared.
public struct CoAnomalyRanker: Sendable {
    /// The settings.
    public let configuration: CoAnomalyConfiguration

    /// Creates a ranker.
    public init(configuration: CoAnomalyConfiguration = CoAnomalyConfiguration()) throws(RootCauseError) {
        try configuration.validate()
        self.configuration = configuration
    }

    /// The series other than the target's whose anomalies among `anomalies` fall within the
    /// window around the target and share its instance or service, most relevant first (ties
    /// by |lag|, then by series). Anomalies with non-finite scores are ignored.
    public func rank(target: Anomaly, among anomalies: [Anomaly]) -> [CoAnomalousSeries] {
        var related: [SeriesKey: (scope: SharedScope, anomalies: [Anomaly])] = [:]
        for anomaly in anomalies where anomaly.series != target.series && anomaly.score.isFinite {
            guard abs(anomaly.timestamp.timeIntervalSince(target.timestamp)) <= configuration.window,
                  let scope = sharedScope(of: anomaly.series, with: target.series)
            else { continue }
            related[anomaly.series, default: (scope, [])].anomalies.append(anomaly)
        }
        return related.map { series, entry in
            summary(of: series, scope: entry.scope, anomalies: entry.anomalies, target: target)
        }
        .sorted { ($1.relevance, abs($0.lag), $0.series) < ($0.relevance, abs($1.lag), $1.series) }
    }

    /// What `series` shares with the target's series: the instance, else the service, else nothing.
    private func sharedScope(of series: SeriesKey, with target: SeriesKey) -> SharedScope? {
        let labels = configuration.labels
        if let instance = target[labels.instance], series[labels.instance] == instance { return .instance }
        if let service = target[labels.service], series[labels.service] == service { return .service }
        return nil
    }

    private func summary(of series: SeriesKey, scope: SharedScope, anomalies: [Anomaly],
                         target: Anomaly) -> CoAnomalousSeries {
        let lags = anomalies.map { $0.timestamp.timeIntervalSince(target.timestamp) }
        let lag = lags.min { (abs($0), $0) < (abs($1), $1) }!
        let score = anomalies.map(\.score).max()!
        let timing: AnomalyTiming
        if lag < -configuration.simultaneityTolerance {
            timing = .leading
        } else if lag > configuration.simultaneityTolerance {
            timing = .lagging
        } else {
            timing = .simultaneous
        }
        let scopeWeight = scope == .instance ? 1 : configuration.serviceWeight
        let relevance = score * exp(-abs(lag) / configuration.lagScale) * scopeWeight
        let scopeLabel = scope == .instance ? configuration.labels.instance : configuration.labels.service
        let explanation = CoAnomalyExplanation.sentence(
            series: series, lag: lag, timing: timing, scope: scope,
            scopeValue: target.series[scopeLabel] ?? "", score: score, anomalyCount: anomalies.count)
        return CoAnomalousSeries(series: series, sharedScope: scope, lag: lag, timing: timing, score: score,
                                 anomalyCount: anomalies.count, relevance: relevance, explanation: explanation)
    }
}
