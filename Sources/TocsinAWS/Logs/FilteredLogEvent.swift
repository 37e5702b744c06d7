import Foundation

/// A log event that FilterLogEvents found.
public struct FilteredLogEvent: Sendable, Hashable {
    /// The stream it was written to.
    public var logStreamName: String
    /// When it happened, to the millisecond.
    public var timestamp: Date
    /// When CloudWatch Logs received it, if given.
    public var ingestionTime: Date?
    /// The log line.
    public var message: String
    /// CloudWatch Logs' id of the event, if given.
    public var eventID: String?

    /// Creates an event.
    public init(logStreamName: String, timestamp: Date, ingestionTime: Date? = nil, message: String, eventID: String? = nil) {
        self.logStreamName = logStreamName
        self.timestamp = timestamp
        self.ingestionTime = ingestionTime
        self.message = message
        self.eventID = eventID
    }
}

extension FilteredLogEvent: Decodable {
    private enum CodingKeys: String, CodingKey {
        case logStreamName, timestamp, ingestionTime, message, eventID = "eventId"
    }

    /// Reads an event of FilterLogEvents' `events`, whose times are milliseconds since 1970.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let milliseconds = { (value: Int64) in Date(timeIntervalSince1970: Double(value) / 1000) }
        self.init(
            logStreamName: try container.decode(String.self, forKey: .logStreamName),
            timestamp: milliseconds(try container.decode(Int64.self, forKey: .timestamp)),
            ingestionTime: try container.decodeIfPresent(Int64.self, forKey: .ingestionTime).map(milliseconds),
            message: try container.decode(String.self, forKey: .message),
            eventID: try container.decodeIfPresent(String.self, forKey: .eventID)
        )
    }
}
