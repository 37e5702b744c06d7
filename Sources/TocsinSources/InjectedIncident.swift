import Foundation
import TocsinCore

/// One injected failure: the ground truth a detector's findings are compared with.
public struct InjectedIncident: Sendable, Hashable, Codable, Identifiable {
    /// `incident-<n>`, numbered from 1 in order of start.
    public let id: String
    /// What fails.
    public let kind: IncidentKind
    /// The affected service.
    public let service: String
    /// The affected instance.
    public let instance: String
    /// The first affected tick.
    public let startTick: Int
    /// The last affected tick (inclusive).
    public let endTick: Int
    /// The series the incident visibly changes, the main one first.
    public let series: [SeriesKey]
    /// Details that identify the incident's log records: for a brute-force attack,
    /// `pattern` (`single_user` or `single_source`) and the attacked `user` or the
    /// attacking `source_ip`. Empty for the other kinds.
    public let attributes: [String: String]

    /// Creates an incident.
    public init(id: String, kind: IncidentKind, service: String, instance: String, startTick: Int, endTick: Int,
                series: [SeriesKey], attributes: [String: String] = [:]) {
        self.id = id
        self.kind = kind
        self.service = service
        self.instance = instance
        self.startTick = startTick
        self.endTick = endTick
        self.series = series
        self.attributes = attributes
    }

    /// The affected ticks.
    public var ticks: ClosedRange<Int> { startTick...endTick }
}
