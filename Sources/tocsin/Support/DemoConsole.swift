import Foundation
import Synchronization
import TocsinCore
import TocsinPipeline
import TocsinResponse
import TocsinSources

/// The demo's console: an alert line for every incident Tocsin opens, the remediation
/// its policies plan (as a dry run), and progress.
final class DemoConsole: PipelineObserver {
    let cloud: SyntheticCloud
    let start: Date
    private let planner: Mutex<RemediationPlanner>
    private let planned = Mutex<[RemediationPlanner.Plan]>([])

    init(cloud: SyntheticCloud, start: Date, remediation: RemediationPlanner) {
        self.cloud = cloud
        self.start = start
        planner = Mutex(remediation)
    }

    /// Every remediation plan so far.
    var plans: [RemediationPlanner.Plan] { planned.withLock { $0 } }

    func detected(points: Int, anomalies: Int, duration: Duration) {}

    func scored(series: SeriesKey, score: Double) {}

    func opened(_ incident: Incident) {
        let scope = incident.scope.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let series = incident.series.map(\.description).joined(separator: ", ")
        Terminal.output("ALERT incident #\(incident.id) [\(scope)] at \(UTCTimestamp.iso8601(incident.start.timeIntervalSince1970)) (tick \(tick(of: incident.start))): \(series), score \(String(format: "%.3f", incident.maxScore))")
        let plans = planner.withLock { $0.plan(for: incident, at: incident.start) }
        planned.withLock { $0 += plans }
        for plan in plans {
            let verdict = switch plan.verdict {
            case .due: "would \(plan.action.summary) \(plan.target)"
            case .coolingDown(let until): "skipped \(plan.action.summary) \(plan.target): cooling down until tick \(tick(of: until))"
            case .hourlyLimitReached: "skipped \(plan.action.summary) \(plan.target): hourly action limit reached"
            }
            Terminal.output("  REMEDIATION (dry run) policy \(plan.policy): \(verdict)")
        }
    }

    /// Prints a line every tenth of the run.
    func progress(tick: Int) {
        let total = cloud.configuration.totalTicks
        let step = max(total / 10, 1)
        if (tick + 1) % step == 0 { Terminal.output("  … \(100 * (tick + 1) / total)% of the simulation") }
    }

    private func tick(of date: Date) -> Int {
        Int((date.timeIntervalSince(start) / cloud.configuration.tickSeconds).rounded(.down))
    }
}
