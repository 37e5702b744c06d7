import Foundation
import TocsinCore

/// A log record with its fields encoded for storage, and the way back.
struct StoredLog: Sendable {
    /// The record.
    var record: LogRecord
    /// Its fields as canonical JSON.
    var fields: String

    /// Rebuilds a record from its stored columns.
    static func decode(
        timestamp: Int64, service: String, instance: String, level: String, message: String, fields: String
    ) throws -> LogRecord {
        guard let level = LogRecord.Level(rawValue: level) else {
            throw StoreError(.unavailable, "stored log level '\(level)' is unknown")
        }
        return LogRecord(
            timestamp: EpochMilliseconds.date(timestamp), service: service, instance: instance, level: level,
            message: message, fields: try CanonicalJSON.decodeObject(fields, column: "logs.fields")
        )
    }
}
