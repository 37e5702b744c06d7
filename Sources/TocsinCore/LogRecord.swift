import Foundation

/// One structured log record from a service instance.
public struct LogRecord: Sendable, Hashable, Codable {
    /// Severity of a log record, from least to most severe.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case debug, info, warning, error, critical

        public static func < (lhs: Level, rhs: Level) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// When the record was written.
    public var timestamp: Date
    /// The emitting service, e.g. `checkout`.
    public var service: String
    /// The emitting instance, e.g. `i-0abc`.
    public var instance: String
    /// The severity.
    public var level: Level
    /// The message text.
    public var message: String
    /// Free-form fields, e.g. `user`, `source_ip`, `event`.
    public var fields: [String: String]

    /// Creates a record.
    public init(timestamp: Date, service: String, instance: String, level: Level, message: String, fields: [String: String] = [:]) {
        self.timestamp = timestamp
        self.service = service
        self.instance = instance
        self.level = level
        self.message = message
        self.fields = fields
    }
}
