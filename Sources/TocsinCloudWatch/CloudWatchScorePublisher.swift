import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TocsinAWS
import TocsinCore
import TocsinPipeline
import TocsinStore

/// Puts the anomaly score of chosen series back into CloudWatch as the custom metric
/// `AnomalyScore` (namespace `Tocsin` by default), one data point per scored point at the
/// point's time, so that CloudWatch alarms and dashboards can use it.
///
/// Scores are buffered as they come (observing never blocks detection) and sent every
/// `interval` with PutMetricData, up to 1,000 a call. A failed send is logged and tried
/// again at the next turn; at most `capacity` scores wait, the oldest are dropped beyond.
/// The dimensions are the series' metric name (`Metric`) and its labels, `instance`
/// becoming `InstanceId`; the namespace and statistic labels are left out.
public final class CloudWatchScorePublisher: PipelineObserver, Service {
    /// The metric name of the published scores.
    public static let metricName = "AnomalyScore"

    private let cloudWatch: CloudWatchClient
    private let namespace: String
    private let interval: Duration
    private let capacity: Int
    private let include: @Sendable (SeriesKey) -> Bool
    private let logger: Logger
    private let pending = Mutex<[MetricDatum]>([])
    private let dropped = Mutex(0)

    /// A publisher of the scores of the series `include` accepts.
    public init(cloudWatch: CloudWatchClient, namespace: String = "Tocsin", interval: Duration = .seconds(60),
                capacity: Int = 100_000, logger: Logger = Logger(label: "tocsin.cloudwatch.publish"),
                include: @escaping @Sendable (SeriesKey) -> Bool) {
        self.cloudWatch = cloudWatch
        self.namespace = namespace
        self.interval = interval
        self.capacity = capacity
        self.include = include
        self.logger = logger
    }

    public func detected(points: Int, anomalies: Int, duration: Duration) {}

    public func scored(series: SeriesKey, score: Double) {}

    public func scored(_ scores: [(key: SeriesKey, record: ScoreRecord)]) {
        let data = scores.compactMap { item -> MetricDatum? in
            guard item.record.score.isFinite, include(item.key) else { return nil }
            return MetricDatum(metricName: Self.metricName, dimensions: Self.dimensions(of: item.key),
                               timestamp: item.record.timestamp, value: item.record.score, unit: .unitless)
        }
        guard !data.isEmpty else { return }
        let overflow = pending.withLock { buffer in
            buffer += data
            let overflow = max(0, buffer.count - capacity)
            buffer.removeFirst(overflow)
            return overflow
        }
        if overflow > 0 { dropped.withLock { $0 += overflow } }
    }

    /// Sends what is buffered every `interval`, and once more at graceful shutdown.
    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            await flush()
        }
    }

    /// Sends the buffered scores; on failure they are kept for the next turn.
    public func flush() async {
        let data = pending.withLock { buffer in
            defer { buffer.removeAll() }
            return buffer
        }
        let lost = dropped.withLock { count in
            defer { count = 0 }
            return count
        }
        if lost > 0 { logger.warning("\(lost) anomaly scores were dropped: more than \(capacity) waited for CloudWatch") }
        guard !data.isEmpty else { return }
        do {
            try await cloudWatch.putMetricData(namespace: namespace, data)
        } catch {
            logger.error("publishing \(data.count) anomaly scores to CloudWatch failed, tried again in \(interval): \(error)")
            pending.withLock { buffer in
                buffer = Array((data + buffer).suffix(capacity))
            }
        }
    }

    /// `Metric` (the series name) and the labels, `instance` as `InstanceId`, sorted by name.
    public static func dimensions(of key: SeriesKey) -> [CloudWatchDimension] {
        var dimensions = [CloudWatchDimension("Metric", key.name)]
        for label in key.labels where label.name != "namespace" && label.name != "statistic" {
            dimensions.append(CloudWatchDimension(label.name == "instance" ? "InstanceId" : label.name, label.value))
        }
        return Array(dimensions.sorted { $0.name < $1.name }.prefix(30))
    }
}
