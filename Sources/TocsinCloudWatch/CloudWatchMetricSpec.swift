import TocsinAWS

/// A CloudWatch metric a ``CloudWatchSource`` reads: a statistic of one metric over fixed
/// periods, either for each watched instance (with an `InstanceId` dimension added) or once.
public struct CloudWatchMetricSpec: Sendable, Hashable {
    /// The namespace, such as `AWS/EC2`.
    public var namespace: String
    /// The metric name, such as `CPUUtilization`.
    public var name: String
    /// Dimensions besides the instance's.
    public var dimensions: [CloudWatchDimension]
    /// The statistic, such as `Average`, `Maximum`, `Sum` or `p99`.
    public var statistic: String
    /// Seconds per data point: 60 or a multiple of it (1, 5, 10 or 30 for high-resolution metrics).
    public var period: Int
    /// Whether the metric is read once per watched instance, with `InstanceId` set to it.
    public var perInstance: Bool

    /// A metric spec; by default the 5-minute average.
    public init(namespace: String, name: String, dimensions: [CloudWatchDimension] = [], statistic: String = "Average",
                period: Int = 300, perInstance: Bool = false) {
        self.namespace = namespace
        self.name = name
        self.dimensions = dimensions
        self.statistic = statistic
        self.period = period
        self.perInstance = perInstance
    }

    /// EC2's CPU utilization of each watched instance, averaged over `period` seconds.
    public static func cpuUtilization(period: Int = 300) -> CloudWatchMetricSpec {
        CloudWatchMetricSpec(namespace: "AWS/EC2", name: "CPUUtilization", period: period, perInstance: true)
    }

    /// Why CloudWatch would refuse this spec, if it would.
    public var problem: String? {
        if namespace.isEmpty || name.isEmpty { return "a metric needs a namespace and a name" }
        if statistic.isEmpty { return "\(name): the statistic is empty" }
        guard [1, 5, 10, 30].contains(period) || (period >= 60 && period % 60 == 0) else {
            return "\(name): the period must be 1, 5, 10, 30 or a multiple of 60 seconds, got \(period)"
        }
        if perInstance, dimensions.contains(where: { $0.name == "InstanceId" }) {
            return "\(name): a per-instance metric gets its InstanceId dimension from the watched instances"
        }
        if dimensions.count + (perInstance ? 1 : 0) > 30 { return "\(name): CloudWatch allows at most 30 dimensions" }
        return nil
    }
}
