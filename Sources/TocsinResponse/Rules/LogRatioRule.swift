import Foundation
import TocsinCore

/// The share of log records that match, per subject over a sliding window: a high error rate
/// is more than 5 % of a service's records at level error or above over five minutes, once
/// there are at least 20 records to judge by.
public struct LogRatioRule: Sendable, Hashable {
    /// The rule's name (the alert's `alertname`).
    public var name: String
    /// The records in the denominator (every record by default).
    public var population: LogMatcher
    /// The records in the numerator, among the population.
    public var matcher: LogMatcher
    /// The fields that name a subject (e.g. `service`).
    public var groupBy: [String]
    /// Fires when the share is at least this (0 to 1).
    public var ratio: Double
    /// The fewest records in the window to judge by.
    public var minimumEvents: Int
    /// The sliding window, in seconds.
    public var window: TimeInterval
    /// `info`, `warning` or `critical`.
    public var severity: String

    /// Creates a rule.
    public init(name: String, population: LogMatcher = LogMatcher(), matcher: LogMatcher, groupBy: [String] = ["service"],
                ratio: Double, minimumEvents: Int = 20, window: TimeInterval = 300, severity: String = "warning") {
        self.name = name
        self.population = population
        self.matcher = matcher
        self.groupBy = groupBy
        self.ratio = ratio
        self.minimumEvents = minimumEvents
        self.window = window
        self.severity = severity
    }
}
