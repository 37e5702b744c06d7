import Foundation
import TocsinCore

/// What a synthetic run really contained, with times resolved for its start: the file
/// `tocsin generate --truth` writes, to score a detector's findings against.
public struct GroundTruth: Sendable, Hashable, Codable {
    /// An injected incident with its times.
    public struct Incident: Sendable, Hashable, Codable {
        /// `incident-<n>`.
        public var id: String
        /// What failed.
        public var kind: IncidentKind
        /// The affected service.
        public var service: String
        /// The affected instance.
        public var instance: String
        /// The first affected tick.
        public var startTick: Int
        /// The last affected tick (inclusive).
        public var endTick: Int
        /// The time of the first affected tick.
        public var start: Date
        /// The time of the last affected tick.
        public var end: Date
        /// The series it visibly changes, the main one first.
        public var series: [SeriesKey]
        /// Details identifying its logs (see ``InjectedIncident/attributes``).
        public var attributes: [String: String]
    }

    /// A fleet-wide period of heavy but normal traffic: not an incident.
    public struct HeavyLoadPeriod: Sendable, Hashable, Codable {
        /// `heavy-load-<n>`.
        public var id: String
        /// The first tick.
        public var startTick: Int
        /// The last tick (inclusive).
        public var endTick: Int
        /// The time of the first tick.
        public var start: Date
        /// The time of the last tick.
        public var end: Date
    }

    /// The configuration of the run.
    public var configuration: SyntheticCloud.Configuration
    /// The time of tick 0.
    public var start: Date
    /// The incidents, in order of start.
    public var incidents: [Incident]
    /// The heavy-load periods, in order of start.
    public var normalHeavyLoad: [HeavyLoadPeriod]

    /// The ground truth of `cloud` for a run starting at `start`.
    public init(cloud: SyntheticCloud, start: Date) {
        configuration = cloud.configuration
        self.start = start
        incidents = cloud.incidents.map { incident in
            Incident(id: incident.id, kind: incident.kind, service: incident.service, instance: incident.instance,
                     startTick: incident.startTick, endTick: incident.endTick,
                     start: cloud.time(ofTick: incident.startTick, start: start),
                     end: cloud.time(ofTick: incident.endTick, start: start),
                     series: incident.series, attributes: incident.attributes)
        }
        normalHeavyLoad = cloud.heavyLoadPeriods.enumerated().map { number, ticks in
            HeavyLoadPeriod(id: "heavy-load-\(number + 1)", startTick: ticks.lowerBound, endTick: ticks.upperBound,
                            start: cloud.time(ofTick: ticks.lowerBound, start: start),
                            end: cloud.time(ofTick: ticks.upperBound, start: start))
        }
    }

    /// Reads ground truth written by ``jsonData()``.
    public init(jsonData: Data) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let seconds = UTCTimestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a UTC timestamp: \(text)")
            }
            return Date(timeIntervalSince1970: seconds)
        }
        self = try decoder.decode(GroundTruth.self, from: jsonData)
    }

    /// Pretty-printed JSON with sorted keys and ISO-8601 UTC times (`UTCTimestamp.iso8601`).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(UTCTimestamp.iso8601(date.timeIntervalSince1970))
        }
        return try encoder.encode(self)
    }
}
