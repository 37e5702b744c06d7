import Foundation

/// The settings of ``RootCauseAnalyzer``.
public struct RootCauseConfiguration: Sendable, Hashable, Codable {
    /// The length of the baseline window, which ends where the anomaly window starts, in seconds.
    public var baselineDuration: TimeInterval = 3_600
    /// How far the anomaly window reaches before and after the anomaly, in seconds.
    public var windowRadius: TimeInterval = 300
    /// Whether log records must also come from the anomaly's instance (they always must come
    /// from its service when the series has a service label; see ``CoAnomalyConfiguration/labels``).
    public var scopeLogsToInstance = true
    /// The template miner's hyperparameters.
    public var miner = TemplateMinerConfiguration()
    /// The template ranking's settings.
    public var ranking = TemplateRankingConfiguration()
    /// The co-anomalous series' settings; their labels also scope the log records.
    public var coAnomaly = CoAnomalyConfiguration()
    /// The most log hints in a report (only hints with a positive score are reported).
    public var maxHints = 10
    /// The most co-anomalous series in a report.
    public var maxRelatedSeries = 10
    /// When the log hints escalate the anomaly.
    public var escalation = EscalationPolicy()

    /// Creates the default configuration.
    public init() {}

    /// Checks every value, those of the parts included.
    public func validate() throws(RootCauseError) {
        guard baselineDuration > 0, baselineDuration.isFinite else {
            throw RootCauseError("baselineDuration must be positive and finite, got \(baselineDuration)")
        }
        guard windowRadius > 0, windowRadius.isFinite else {
            throw RootCauseError("windowRadius must be positive and finite, got \(windowRadius)")
        }
        guard maxHints >= 0 else { throw RootCauseError("maxHints must be at least 0, got \(maxHints)") }
        guard maxRelatedSeries >= 0 else {
            throw RootCauseError("maxRelatedSeries must be at least 0, got \(maxRelatedSeries)")
        }
        try miner.validate()
        try ranking.validate()
        try coAnomaly.validate()
        try escalation.validate()
    }
}
