import Foundation
import TocsinAWS
import TocsinCore

/// Reads the log events of configured CloudWatch Logs groups around a time, for root-cause
/// hints: events matching a filter pattern (`?ERROR ?Exception` by default), every page,
/// turned into Tocsin log records.
public struct CloudWatchLogsReader: Sendable {
    /// The log groups searched.
    public let groups: [String]
    /// CloudWatch Logs' filter pattern; nil matches every event.
    public let pattern: String?
    private let logs: CloudWatchLogsClient

    /// A reader of `groups` through `logs`.
    public init(logs: CloudWatchLogsClient, groups: [String], pattern: String? = "?ERROR ?Exception") {
        self.logs = logs
        self.groups = groups
        self.pattern = pattern
    }

    /// The matching events of every group from `start` to `end`, oldest first. The record's
    /// service is the log group, its instance the log stream (the CloudWatch agent names
    /// streams after the instance id by default), its level read from the message.
    public func records(from start: Date, to end: Date) async throws(AWSError) -> [LogRecord] {
        var records: [LogRecord] = []
        for group in groups {
            for event in try await logs.filterLogEvents(group: group, from: start, to: end, pattern: pattern) {
                var fields = ["log_group": group, "log_stream": event.logStreamName]
                if let id = event.eventID { fields["event_id"] = id }
                records.append(LogRecord(timestamp: event.timestamp, service: group, instance: event.logStreamName,
                                         level: Self.level(of: event.message), message: event.message, fields: fields))
            }
        }
        return records.sorted { $0.timestamp < $1.timestamp }
    }

    /// The most severe level a message names (`FATAL` or `CRITICAL`, `ERROR` or an
    /// exception, `WARN`, `DEBUG`), else info.
    static func level(of message: String) -> LogRecord.Level {
        let text = message.uppercased()
        if text.contains("FATAL") || text.contains("CRITICAL") { return .critical }
        if text.contains("ERROR") || text.contains("EXCEPTION") { return .error }
        if text.contains("WARN") { return .warning }
        if text.contains("DEBUG") { return .debug }
        return .info
    }
}
