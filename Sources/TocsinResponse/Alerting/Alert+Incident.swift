import Foundation
import TocsinCore

extension Alert {
    /// The alert name of the detectors' incidents (remediation policies match it as `alert: anomaly`).
    public static let anomalyAlertName = "anomaly"

    /// The alert for an incident the detectors opened: labelled by the incident's scope
    /// (`service`, `instance`), so that successive incidents of one scope are one condition
    /// (deduplicated, and damped when they flap); the incident, its strongest anomaly and the
    /// root-cause report go in the annotations. Critical when the report found critical logs.
    public init(incident: Incident, strongest: Anomaly?, report: RootCauseReport?, severity: AlertSeverity = .warning) {
        var labels = incident.scope
        labels["alertname"] = Self.anomalyAlertName
        let series = incident.series.map(\.description)
        var annotations = [
            "incident": String(incident.id),
            "series": series.joined(separator: ", "),
            "anomalies": String(incident.anomalyCount),
            "max_score": String(format: "%.3f", incident.maxScore),
        ]
        let scope = incident.scope.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        if let strongest {
            annotations["summary"] = "\(strongest.series) is anomalous: value \(strongest.value.formatted()), score "
                + "\(String(format: "%.3f", strongest.score)) (threshold \(String(format: "%.3f", strongest.threshold)), \(strongest.detector))"
            annotations["value"] = String(strongest.value)
            annotations["score"] = String(strongest.score)
            annotations["threshold"] = String(strongest.threshold)
            annotations["detector"] = strongest.detector
        } else {
            annotations["summary"] = "anomalies on \(scope): \(series.joined(separator: ", "))"
        }
        if series.count > 1 { annotations["description"] = "\(series.count) series of \(scope) are anomalous together" }
        if let report {
            annotations["root_cause"] = report.text
            if report.hasCriticalLogs { annotations["escalated"] = "critical log entries around the anomaly" }
        }
        let level = report?.hasCriticalLogs == true ? max(severity, .critical) : severity
        self.init(labels: labels, annotations: annotations, severity: level, startsAt: incident.start)
    }
}
