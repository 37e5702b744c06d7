import Foundation
import TocsinCore

/// The one-sentence explanation of a co-anomalous series.
enum CoAnomalyExplanation {
    /// E.g. `latency{instance="i-1"} was anomalous 60 s before the target on the same instance
    /// i-1 (score 0.90): a possible cause`.
    static func sentence(series: SeriesKey, lag: TimeInterval, timing: AnomalyTiming, scope: SharedScope,
                         scopeValue: String, score: Double, anomalyCount: Int) -> String {
        let when: String
        let reading: String
        switch timing {
        case .leading:
            when = "\(seconds(-lag)) s before"
            reading = "a possible cause"
        case .simultaneous:
            when = "at the same time as"
            reading = "a common cause or a shared symptom"
        case .lagging:
            when = "\(seconds(lag)) s after"
            reading = "more likely an effect"
        }
        let repeated = anomalyCount > 1 ? ", \(anomalyCount) anomalies in the window" : ""
        return "\(series) was anomalous \(when) the target on the same \(scope.rawValue) \(scopeValue)"
            + " (score \(String(format: "%.2f", score))\(repeated)): \(reading)"
    }

    /// A non-negative duration: whole seconds as integers, others with one decimal.
    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
