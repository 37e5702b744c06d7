import Prometheus
import TocsinCore
import TocsinPipeline

/// Tocsin's own metrics in Prometheus form: what `GET /metrics` serves.
public final class ServiceMetrics: PipelineObserver {
    /// The registry the text exposition is rendered from.
    public let registry: PrometheusCollectorRegistry
    private let eventsProcessed: Counter
    private let anomaliesDetected: Counter
    private let ingestLatency: DurationHistogram
    private let detectionLatency: DurationHistogram
    private static let latencyBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
    ]

    /// Creates the metrics in a fresh registry.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        eventsProcessed = registry.makeCounter(descriptor: .init(
            metricName: "events_processed", unitName: "total", helpText: "Points and log records accepted for processing."))
        anomaliesDetected = registry.makeCounter(descriptor: .init(
            metricName: "anomalies_detected", unitName: "total", helpText: "Points whose score reached their detector's threshold."))
        ingestLatency = registry.makeDurationHistogram(
            descriptor: .init(namespace: "tocsin", metricName: "ingest_latency", unitName: "seconds",
                              helpText: "Time from receiving an ingest request to storing it durably."),
            buckets: Self.latencyBuckets)
        detectionLatency = registry.makeDurationHistogram(
            descriptor: .init(namespace: "tocsin", metricName: "detection_latency", unitName: "seconds",
                              helpText: "Time to detect one batch of points, scores and anomalies stored."),
            buckets: Self.latencyBuckets)
    }

    /// Counts accepted events and the time it took to store them.
    public func ingested(events: Int, duration: Duration) {
        eventsProcessed.increment(by: Int64(events))
        ingestLatency.record(duration)
    }

    public func detected(points: Int, anomalies: Int, duration: Duration) {
        anomaliesDetected.increment(by: Int64(anomalies))
        detectionLatency.record(duration)
    }

    public func scored(series: SeriesKey, score: Double) {
        var labels = series.labels.map { ($0.name, $0.value) }
        labels.append(("series", series.name))
        let descriptor = MetricNameDescriptor(namespace: "tocsin", metricName: "anomaly", unitName: "score",
                                              helpText: "Latest anomaly score of each series (higher is more anomalous).")
        registry.makeGauge(descriptor: descriptor, labels: labels).set(score)
    }

    /// Counts a message a sink took (`delivered`) or could not take (`failed` when given up,
    /// `retried` when tried again later), as `tocsin_notifications_total{sink,outcome}`.
    public func notification(sink: String, outcome: String) {
        registry.makeCounter(descriptor: .init(namespace: "tocsin", metricName: "notifications", unitName: "total",
                                               helpText: "Alert messages per sink by outcome: delivered, retried, failed."),
                             labels: [("sink", sink), ("outcome", outcome)]).increment()
    }

    /// Counts a remediation step, as `tocsin_remediation_actions_total{policy,status}`.
    public func remediation(policy: String, status: String) {
        registry.makeCounter(descriptor: .init(namespace: "tocsin", metricName: "remediation_actions", unitName: "total",
                                               helpText: "Remediation actions by policy and status (simulated, executed, skipped, failed, ...)."),
                             labels: [("policy", policy), ("status", status)]).increment()
    }

    /// The Prometheus text exposition of every metric.
    public func render() -> [UInt8] {
        registry.emitToBuffer()
    }
}
