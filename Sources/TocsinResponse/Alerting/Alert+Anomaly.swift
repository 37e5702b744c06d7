import TocsinCore

extension Alert {
    /// The alert for an anomaly: one alert per series, so repeated anomalies on a series refresh it.
    ///
    /// Labels: `alertname`, `severity`, `series` (the series key as Prometheus renders it) and the
    /// series' own `service` and `instance` labels when it has them. Annotations: `summary`, `value`,
    /// `score`, `threshold` and `detector`, plus `extraAnnotations` (a `runbook`, say).
    public init(anomaly: Anomaly, alertName: String = "AnomalyDetected", severity: AlertSeverity = .warning,
                extraAnnotations: [String: String] = [:]) {
        var labels = ["alertname": alertName, "series": anomaly.series.description]
        for name in ["service", "instance"] {
            labels[name] = anomaly.series[name]
        }
        let summary = "\(anomaly.series) scored \(anomaly.score) (threshold \(anomaly.threshold)) "
            + "at value \(anomaly.value) by \(anomaly.detector)"
        let annotations = [
            "summary": summary,
            "value": String(anomaly.value),
            "score": String(anomaly.score),
            "threshold": String(anomaly.threshold),
            "detector": anomaly.detector,
        ].merging(extraAnnotations) { _, extra in extra }
        self.init(labels: labels, annotations: annotations, severity: severity, startsAt: anomaly.timestamp)
    }
}
