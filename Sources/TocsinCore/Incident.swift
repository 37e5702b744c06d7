import Foundation

/// Anomalies that overlap in time on the same service or instance, grouped as one event
/// to investigate.
public struct Incident: Sendable, Hashable, Codable {
    /// Whether the incident is still receiving anomalies.
    public enum Status: String, Sendable, Hashable, Codable {
        case open, resolved
    }

    /// The store's identifier (0 until stored).
    public var id: Int64
    /// What the incident is about: the `service` and/or `instance` label values shared by its anomalies.
    public var scope: [String: String]
    /// The first anomaly's time.
    public var start: Date
    /// The latest anomaly's time.
    public var end: Date
    /// How many anomalies it holds.
    public var anomalyCount: Int
    /// The highest score among them.
    public var maxScore: Double
    /// The series involved.
    public var series: [SeriesKey]
    /// Open or resolved.
    public var status: Status

    /// Creates an incident.
    public init(id: Int64 = 0, scope: [String: String], start: Date, end: Date, anomalyCount: Int, maxScore: Double,
                series: [SeriesKey], status: Status) {
        self.id = id
        self.scope = scope
        self.start = start
        self.end = end
        self.anomalyCount = anomalyCount
        self.maxScore = maxScore
        self.series = series
        self.status = status
    }
}
