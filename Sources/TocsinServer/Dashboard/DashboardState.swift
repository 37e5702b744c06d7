import Foundation
import TocsinCore
import TocsinNotify
import TocsinPipeline
import TocsinStore

/// A small digest of everything the dashboard shows, so that a page can tell what changed
/// since it was rendered: one version per kind of thing, equal while that thing is unchanged.
struct DashboardState: Sendable {
    let store: any TocsinStore
    let engine: DetectionEngine
    let alerting: AlertingService?

    /// The digest: a version per kind (a hash of what identifies its current content) and a few counts.
    struct Snapshot: Sendable, Hashable, Encodable {
        /// Changes when an incident opens, grows or ends.
        let incidents: Int
        /// Changes when an alert fires, resolves, escalates or is acknowledged, or a silence changes.
        let alerts: Int
        /// Changes when a remediation action is planned or advances.
        let actions: Int
        /// Changes whenever new points are scored.
        let scores: Int
        /// Series known to detection.
        let series: Int
        /// Series whose latest score reached the threshold.
        let anomalous: Int
        /// The newest scored point's time, if any.
        let latest: Date?
    }

    /// A hash cut to 52 bits, so that JavaScript numbers hold it exactly.
    private static func version(_ hasher: Hasher) -> Int {
        hasher.finalize() & 0xF_FFFF_FFFF_FFFF
    }

    /// The digest now.
    func current() async throws -> Snapshot {
        var incidents = Hasher()
        for incident in try await store.incidents(limit: 200) {
            incidents.combine(incident.id)
            incidents.combine(incident.anomalyCount)
            incidents.combine(incident.status)
        }
        var alerts = Hasher()
        if let alerting {
            for tracked in await alerting.alerts() {
                alerts.combine(tracked.alert.fingerprint.description)
                alerts.combine(tracked.alert.status)
                alerts.combine(tracked.alert.severity)
                alerts.combine(tracked.isAcknowledged)
            }
            for silence in await alerting.silences() {
                alerts.combine(silence.id)
                alerts.combine(silence.endsAt)
            }
        }
        var actions = Hasher()
        for action in try await store.actions(limit: 200) {
            actions.combine(action.id)
            actions.combine(action.status)
        }
        let analyses = await engine.analyses()
        var scores = Hasher()
        var latest: Date?
        var seen = 0
        for analysis in analyses {
            seen &+= analysis.pointsSeen
            if latest.map({ analysis.timestamp > $0 }) ?? true { latest = analysis.timestamp }
        }
        scores.combine(seen)
        return Snapshot(incidents: Self.version(incidents), alerts: Self.version(alerts), actions: Self.version(actions), scores: Self.version(scores),
                        series: analyses.count, anomalous: analyses.count { $0.anomalous }, latest: latest)
    }
}
