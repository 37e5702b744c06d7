import Foundation
import TocsinCore
import TocsinPipeline
import TocsinSources

/// The demo's console: a line for every incident Tocsin opens (with its simulated tick),
/// and progress. Alerts, root-cause hints and simulated remediation are printed by the
/// response services themselves (the console receiver and the remediation log).
final class DemoConsole: PipelineObserver {
    let cloud: SyntheticCloud
    let start: Date

    init(cloud: SyntheticCloud, start: Date) {
        self.cloud = cloud
        self.start = start
    }

    func detected(points: Int, anomalies: Int, duration: Duration) {}

    func scored(series: SeriesKey, score: Double) {}

    func opened(_ incident: Incident) {
        let scope = incident.scope.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let series = incident.series.map(\.description).joined(separator: ", ")
        Terminal.output("INCIDENT #\(incident.id) [\(scope)] at \(UTCTimestamp.iso8601(incident.start.timeIntervalSince1970)) (tick \(tick(of: incident.start))): \(series), score \(String(format: "%.3f", incident.maxScore))")
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
