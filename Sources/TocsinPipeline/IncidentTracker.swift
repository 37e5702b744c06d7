import Foundation
import TocsinCore

/// Groups anomalies into incidents: anomalies on the same service (or, without a service
/// label, the same instance, or else the same series) that come within `gap` of each
/// other belong to one incident. An incident resolves once no anomaly has joined it for
/// `gap`. Pure value logic: the caller stores incidents and hands back their identifiers.
public struct IncidentTracker: Sendable {
    /// The quiet time after which an incident resolves, and within which anomalies join it.
    public let gap: TimeInterval
    private var open: [String: Incident] = [:]

    /// Creates a tracker.
    public init(gap: TimeInterval = 600) {
        self.gap = gap
    }

    /// The scope of an anomaly's series: `service`, else `instance`, else the series itself.
    public static func scope(of key: SeriesKey) -> [String: String] {
        if let service = key["service"] { return ["service": service] }
        if let instance = key["instance"] { return ["instance": instance] }
        return ["series": key.description]
    }

    private static func scopeKey(_ scope: [String: String]) -> String {
        scope.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// What recording a batch of anomalies changed.
    public struct Update: Sendable {
        /// For each anomaly, the scope key of its incident.
        public var scopes: [String] = []
        /// The open incidents that changed, by scope key (new ones have id 0).
        public var changed: [String: Incident] = [:]
        /// Incidents closed because a later anomaly of their scope came after the gap.
        public var resolved: [Incident] = []
    }

    /// Adds anomalies (in time order).
    public mutating func record(_ anomalies: [Anomaly]) -> Update {
        var update = Update()
        for anomaly in anomalies {
            let scope = Self.scope(of: anomaly.series)
            let key = Self.scopeKey(scope)
            var incident: Incident
            if let current = open[key], anomaly.timestamp.timeIntervalSince(current.end) <= gap {
                incident = current
                incident.end = max(incident.end, anomaly.timestamp)
                incident.anomalyCount += 1
                incident.maxScore = max(incident.maxScore, anomaly.score)
                if !incident.series.contains(anomaly.series) { incident.series.append(anomaly.series) }
            } else {
                if var previous = open[key] {
                    previous.status = .resolved
                    update.resolved.append(previous)
                }
                incident = Incident(scope: scope, start: anomaly.timestamp, end: anomaly.timestamp, anomalyCount: 1,
                                    maxScore: anomaly.score, series: [anomaly.series], status: .open)
            }
            open[key] = incident
            update.changed[key] = incident
            update.scopes.append(key)
        }
        return update
    }

    /// Records the store's identifier of the open incident of a scope.
    public mutating func stored(scope: String, id: Int64) {
        open[scope]?.id = id
    }

    /// Resolves and returns the open incidents that have been quiet for `gap` at `now`.
    public mutating func expire(now: Date) -> [Incident] {
        var resolved: [Incident] = []
        for (key, incident) in open where now.timeIntervalSince(incident.end) > gap {
            var done = incident
            done.status = .resolved
            resolved.append(done)
            open[key] = nil
        }
        return resolved
    }
}
