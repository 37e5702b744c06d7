import TocsinCore

/// What remediation policies are matched against: an alert's name, the series it concerns
/// (none for a log rule's alert) and its labels.
public struct RemediationSubject: Sendable, Hashable {
    /// `anomaly` for the detectors' incidents, else the rule's name.
    public var alert: String
    /// The series concerned.
    public var series: [SeriesKey]
    /// The alert's labels (`service`, `instance`, ...).
    public var labels: [String: String]
    /// The incident, for the detectors' alerts.
    public var incident: Int64?

    /// Creates a subject.
    public init(alert: String, series: [SeriesKey], labels: [String: String], incident: Int64? = nil) {
        self.alert = alert
        self.series = series
        self.labels = labels
        self.incident = incident
    }
}
