import TocsinCore

/// The metrics every instance of the synthetic cloud emits once per tick.
public enum SyntheticMetric: String, Sendable, Hashable, Codable, CaseIterable {
    /// CPU utilization in percent (0–100).
    case cpuUtilization = "cpu_utilization"
    /// Memory utilization in percent (0–100).
    case memoryUtilization = "memory_utilization"
    /// 95th-percentile request latency in milliseconds.
    case latency = "latency_ms"
    /// The fraction of requests that failed with a server error, in [0, 1] (not percent).
    case errorRate = "error_rate"
    /// Requests per second.
    case requestRate = "request_rate"
    /// Failed authentication attempts during the tick (a count, one per `auth_failure` log).
    case authFailures = "auth_failures"

    /// The series of this metric on one instance: `name{instance="…",service="…"}`.
    public func key(service: String, instance: String) -> SeriesKey {
        SeriesKey(name: rawValue, labels: ["service": service, "instance": instance])
    }
}
