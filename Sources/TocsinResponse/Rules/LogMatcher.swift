import TocsinCore

/// Which log records a log rule counts: fields with given values, a minimum level, and text
/// the message contains; everything unset matches.
public struct LogMatcher: Sendable, Hashable {
    /// Fields the record must carry with these values (`service` and `instance` are fields too).
    public var fields: [String: String]
    /// The lowest level counted.
    public var minimumLevel: LogRecord.Level?
    /// Text the message must contain.
    public var contains: String?

    /// A matcher; by default it matches every record.
    public init(fields: [String: String] = [:], minimumLevel: LogRecord.Level? = nil, contains: String? = nil) {
        self.fields = fields
        self.minimumLevel = minimumLevel
        self.contains = contains
    }

    /// Whether `record` matches.
    public func matches(_ record: LogRecord) -> Bool {
        if let minimumLevel, record.level < minimumLevel { return false }
        if let contains, !record.message.contains(contains) { return false }
        return fields.allSatisfy { Self.value(of: $0.key, in: record) == $0.value }
    }

    /// A field of `record`, `service` and `instance` included.
    static func value(of field: String, in record: LogRecord) -> String? {
        switch field {
        case "service": record.service
        case "instance": record.instance
        case "level": record.level.rawValue
        default: record.fields[field]
        }
    }
}
