import TocsinPipeline
import TocsinSources

/// The detection rules the demo runs on the synthetic cloud: every resource and error
/// metric is expected from its instance's request rate, so that a traffic surge explains
/// the CPU, latency and memory it brings while the same rise at normal traffic is
/// flagged; the request rate itself is scored but never alerts, since busy is not broken.
/// An anomaly needs two scores over the threshold in a row.
enum LoadAwareRules {
    static func rules() -> [DetectorFactory.Rule] {
        let context = SyntheticMetric.requestRate.rawValue
        let alerting = SyntheticMetric.allCases.filter { $0 != .requestRate }.map { metric in
            DetectorFactory.Rule(name: metric.rawValue, detector: "context-regression", context: context, consecutive: 2)
        }
        return alerting + [DetectorFactory.Rule(name: context, detector: "context-regression",
                                                parameters: ["direction": "down"], alert: false)]
    }
}
