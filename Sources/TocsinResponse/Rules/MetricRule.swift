import Foundation
import TocsinCore

/// A static bound on matching series, held for a while before it fires (like a Prometheus
/// alerting rule with `for:`): high CPU is `above: 90, for: 5m` on `cpu_utilization`.
public struct MetricRule: Sendable, Hashable {
    /// The rule's name (the alert's `alertname`).
    public var name: String
    /// The series name to match; nil matches any.
    public var series: String?
    /// Labels the series must carry.
    public var labels: [String: String]
    /// Fires when the value is above this.
    public var above: Double?
    /// Fires when the value is below this.
    public var below: Double?
    /// How long the bound must be crossed before the rule fires, in seconds (0 fires at once).
    public var holdFor: TimeInterval
    /// `info`, `warning` or `critical`.
    public var severity: String

    /// Creates a rule; at least one of `above` and `below` should be set.
    public init(name: String, series: String? = nil, labels: [String: String] = [:], above: Double? = nil, below: Double? = nil,
                holdFor: TimeInterval = 0, severity: String = "warning") {
        self.name = name
        self.series = series
        self.labels = labels
        self.above = above
        self.below = below
        self.holdFor = holdFor
        self.severity = severity
    }

    /// Whether `value` crosses the bound.
    func crosses(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if let above, value > above { return true }
        if let below, value < below { return true }
        return false
    }

    /// The bound, for summaries.
    var bound: String {
        [above.map { "above \($0.formatted())" }, below.map { "below \($0.formatted())" }].compactMap { $0 }.joined(separator: " or ")
    }
}
