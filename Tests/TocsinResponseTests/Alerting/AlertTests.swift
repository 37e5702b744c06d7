import Foundation
import Testing
import TocsinResponse
import TocsinCore

@Suite("Alert")
struct AlertTests {
    @Test("an anomaly becomes one alert per series")
    func fromAnomaly() {
        let series = SeriesKey(name: "latency_p99", labels: ["service": "checkout", "instance": "i-1", "zone": "a"])
        let first = Anomaly(series: series, timestamp: Clock.at(0), value: 2.5, score: 0.97, threshold: 0.9,
                            detector: "windowed-gaussian")
        let later = Anomaly(series: series, timestamp: Clock.at(60), value: 3, score: 0.99, threshold: 0.9,
                            detector: "windowed-gaussian")
        let alert = Alert(anomaly: first, severity: .critical, extraAnnotations: ["runbook": "https://runbooks/latency"])
        #expect(alert.labels == ["alertname": "AnomalyDetected", "severity": "critical", "service": "checkout",
                                 "instance": "i-1", "series": series.description])
        #expect(alert.annotations["score"] == "0.97")
        #expect(alert.annotations["threshold"] == "0.9")
        #expect(alert.annotations["runbook"] == "https://runbooks/latency")
        #expect(alert.startsAt == Clock.at(0))
        #expect(alert.status == .firing)
        #expect(Alert(anomaly: later, severity: .critical).fingerprint == alert.fingerprint)
    }

    @Test("a missing or unknown severity reads as warning")
    func defaultSeverity() {
        var alert = Alert.make(severity: .info)
        alert.labels["severity"] = nil
        #expect(alert.severity == .warning)
        alert.labels["severity"] = "page"
        #expect(alert.severity == .warning)
        #expect(AlertSeverity.info < .warning && AlertSeverity.warning < .critical)
    }
}
