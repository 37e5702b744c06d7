import Foundation
import TocsinCore
import TocsinStore
import TocsinSources

/// Injected incidents against the incidents Tocsin opened: recall, precision, mean time
/// to detect, and alerts raised during the harmless heavy-load periods.
///
/// A Tocsin incident matches an injected one when it is on the same service and its
/// time span overlaps the injected span (from one tick before it starts to `grace` ticks
/// after it ends). An incident matching none is a false alarm.
struct DemoScorecard: Encodable {
    struct Injected: Encodable {
        let id: String
        let kind: String
        let service: String
        let instance: String
        let startTick: Int
        let endTick: Int
        let detectedBy: Int64?
        let ticksToDetect: Int?
    }

    struct FalseAlarm: Encodable {
        let incident: Int64
        let scope: [String: String]
        let startTick: Int
        let endTick: Int
        let duringHeavyLoad: Bool
    }

    /// A remediation action the policies planned (the demo simulates them all).
    struct Remediation: Encodable {
        let policy: String
        let action: String
        let target: String
        let incident: Int64?
        let due: Bool
    }

    static let grace = 10

    let injected: [Injected]
    let falseAlarms: [FalseAlarm]
    let detectedIncidents: Int
    let recall: Double
    let precision: Double
    let meanTicksToDetect: Double?
    let meanSecondsToDetect: Double?
    let heavyLoadPeriods: Int
    let alertsDuringHeavyLoad: Int
    let remediation: [Remediation]

    init(cloud: SyntheticCloud, start: Date, detected: [Incident], remediation actions: [ActionRecord]) {
        remediation = actions.sorted { $0.id < $1.id }.map { action in
            Remediation(policy: action.policy, action: action.kind, target: action.target, incident: action.incident,
                        due: action.status != .skipped)
        }
        let tickSeconds = cloud.configuration.tickSeconds
        func tick(_ date: Date) -> Int { Int((date.timeIntervalSince(start) / tickSeconds).rounded(.down)) }
        var matchedIncidents = Set<Int64>()
        injected = cloud.incidents.map { truth in
            let window = (truth.startTick - 1)...(truth.endTick + Self.grace)
            let matches = detected.filter { incident in
                incident.scope["service"] == truth.service && window.overlaps(tick(incident.start)...max(tick(incident.start), tick(incident.end)))
            }.sorted { $0.start < $1.start }
            matches.forEach { matchedIncidents.insert($0.id) }
            let first = matches.first
            return Injected(id: truth.id, kind: truth.kind.rawValue, service: truth.service, instance: truth.instance,
                            startTick: truth.startTick, endTick: truth.endTick, detectedBy: first?.id,
                            ticksToDetect: first.map { max(0, tick($0.start) - truth.startTick) })
        }
        falseAlarms = detected.filter { !matchedIncidents.contains($0.id) }.sorted { $0.start < $1.start }.map { incident in
            let span = tick(incident.start)...max(tick(incident.start), tick(incident.end))
            return FalseAlarm(incident: incident.id, scope: incident.scope, startTick: span.lowerBound, endTick: span.upperBound,
                              duringHeavyLoad: cloud.heavyLoadPeriods.contains { $0.overlaps(span) })
        }
        detectedIncidents = detected.count
        let caught = injected.filter { $0.detectedBy != nil }
        recall = injected.isEmpty ? 1 : Double(caught.count) / Double(injected.count)
        precision = detected.isEmpty ? 1 : Double(detected.count - falseAlarms.count) / Double(detected.count)
        let delays = caught.compactMap(\.ticksToDetect)
        meanTicksToDetect = delays.isEmpty ? nil : Double(delays.reduce(0, +)) / Double(delays.count)
        meanSecondsToDetect = meanTicksToDetect.map { $0 * tickSeconds }
        heavyLoadPeriods = cloud.heavyLoadPeriods.count
        alertsDuringHeavyLoad = falseAlarms.filter(\.duringHeavyLoad).count
    }

    /// The human-readable summary.
    var text: String {
        var lines = ["", "Summary"]
        for item in injected {
            let verdict = item.detectedBy.map { "detected after \(item.ticksToDetect ?? 0) ticks (incident #\($0))" } ?? "MISSED"
            lines.append("  \(item.detectedBy == nil ? "✘" : "✔") \(item.kind) on \(item.service)/\(item.instance), ticks \(item.startTick)–\(item.endTick): \(verdict)")
        }
        for alarm in falseAlarms {
            let scope = alarm.scope.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            lines.append("  ! false alarm #\(alarm.incident) [\(scope)] ticks \(alarm.startTick)–\(alarm.endTick)\(alarm.duringHeavyLoad ? " during heavy load" : "")")
        }
        let caught = injected.filter { $0.detectedBy != nil }.count
        lines.append(String(format: "injected %d, detected %d: recall %.2f; Tocsin incidents %d: precision %.2f", injected.count, caught,
                            recall, detectedIncidents, precision))
        if let meanTicksToDetect, let meanSecondsToDetect {
            lines.append(String(format: "mean time to detect: %.1f ticks (%.0f simulated seconds)", meanTicksToDetect, meanSecondsToDetect))
        }
        lines.append("heavy-load periods: \(heavyLoadPeriods), alerts during them: \(alertsDuringHeavyLoad)")
        let due = remediation.filter(\.due)
        lines.append("remediation (dry run): \(due.count) actions planned"
            + (due.isEmpty ? "" : ": " + due.map { "\($0.action) \($0.target) (#\($0.incident.map(String.init) ?? "-"))" }.joined(separator: ", "))
            + (remediation.count > due.count ? "; \(remediation.count - due.count) held back by cooldown or the hourly limit" : ""))
        let verdict = recall == 1 && alertsDuringHeavyLoad == 0
            ? "every injected incident was detected and no alert fired during heavy load"
            : "NOT all goals met: \(injected.count - caught) missed, \(alertsDuringHeavyLoad) alerts during heavy load"
        lines.append(verdict)
        return lines.joined(separator: "\n")
    }
}
