import Foundation
import TocsinCore

/// Root-cause hints for one anomaly: the log templates whose rate changed around it and the
/// series that went anomalous with it.
public struct RootCauseReport: Sendable, Hashable, Codable {
    /// The anomaly explained.
    public var anomaly: Anomaly
    /// The window the log rates were compared against.
    public var baseline: DateInterval
    /// The window around the anomaly.
    public var window: DateInterval
    /// The log records considered.
    public var logScope: LogScope
    /// Templates whose rate changed significantly, highest score first.
    public var logHints: [TemplateHint]
    /// Series anomalous at about the same time on the same service or instance, most relevant first.
    public var relatedSeries: [CoAnomalousSeries]
    /// Whether the log hints call for raising the anomaly to critical (see ``EscalationPolicy``).
    public var hasCriticalLogs: Bool

    /// Creates a report.
    public init(anomaly: Anomaly, baseline: DateInterval, window: DateInterval, logScope: LogScope,
                logHints: [TemplateHint], relatedSeries: [CoAnomalousSeries], hasCriticalLogs: Bool) {
        self.anomaly = anomaly
        self.baseline = baseline
        self.window = window
        self.logScope = logScope
        self.logHints = logHints
        self.relatedSeries = relatedSeries
        self.hasCriticalLogs = hasCriticalLogs
    }
}
