import Foundation
import TocsinCore

/// Too many matching log records from one subject within a sliding window: a brute-force
/// attempt is 10 `event=auth_failure` records from one `source_ip` (or for one `user`)
/// within a minute.
public struct LogBurstRule: Sendable, Hashable {
    /// The rule's name (the alert's `alertname`).
    public var name: String
    /// The records counted.
    public var matcher: LogMatcher
    /// The fields that name a subject (e.g. `source_ip`, or `user`); records lacking one are not counted.
    public var groupBy: [String]
    /// Fires when a subject has at least this many records in the window.
    public var count: Int
    /// The sliding window, in seconds.
    public var window: TimeInterval
    /// `info`, `warning` or `critical`.
    public var severity: String

    /// Creates a rule.
    public init(name: String, matcher: LogMatcher, groupBy: [String], count: Int, window: TimeInterval, severity: String = "critical") {
        self.name = name
        self.matcher = matcher
        self.groupBy = groupBy
        self.count = count
        self.window = window
        self.severity = severity
    }
}
