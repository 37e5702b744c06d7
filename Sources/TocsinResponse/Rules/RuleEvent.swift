import Foundation
import TocsinCore

/// A rule starting or stopping to hold for one subject (a series, a user, a source address, a service).
public struct RuleEvent: Sendable, Hashable, Codable {
    /// Whether the rule started or stopped holding.
    public enum Status: String, Sendable, Hashable, Codable {
        case firing, resolved
    }

    /// The rule's name.
    public var rule: String
    /// The rule's severity: `info`, `warning` or `critical`.
    public var severity: String
    public var status: Status
    /// What the event is about: `alertname` (the rule), the series' labels or the grouping fields, `service`, `instance`.
    public var labels: [String: String]
    /// When the rule started or stopped holding.
    public var at: Date
    /// The measured value: the series' value, the number of events, or the ratio.
    public var value: Double
    /// One line for people, e.g. `12 auth_failure events from 203.0.113.9 in 1m (limit 10)`.
    public var summary: String

    /// Creates an event.
    public init(rule: String, severity: String, status: Status, labels: [String: String], at: Date, value: Double, summary: String) {
        self.rule = rule
        self.severity = severity
        self.status = status
        self.labels = labels
        self.at = at
        self.value = value
        self.summary = summary
    }
}
