/// One instance's metrics for one tick, rounded as they are emitted.
struct InstanceSample {
    /// Requests per second.
    var requestRate: Double
    /// The traffic relative to the instance's average (requests / average requests).
    var traffic: Double
    /// CPU percent.
    var cpu: Double
    /// Memory percent.
    var memory: Double
    /// p95 latency in milliseconds.
    var latency: Double
    /// Fraction of requests failing.
    var errorRate: Double
    /// Failed logins by regular users.
    var userAuthFailures: Int
    /// Failed logins by an attacker.
    var attackAuthFailures: Int

    /// The values in `SyntheticMetric.allCases` order.
    var values: [Double] {
        SyntheticMetric.allCases.map { metric in
            switch metric {
            case .cpuUtilization: cpu
            case .memoryUtilization: memory
            case .latency: latency
            case .errorRate: errorRate
            case .requestRate: requestRate
            case .authFailures: Double(userAuthFailures + attackAuthFailures)
            }
        }
    }
}
