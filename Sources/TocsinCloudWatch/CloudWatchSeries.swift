import TocsinAWS
import TocsinCore

/// One series a ``CloudWatchSource`` reads: a metric spec, for one instance when it is per
/// instance, and the Tocsin series its data points become.
public struct CloudWatchSeries: Sendable, Hashable {
    /// The spec it comes from.
    public let spec: CloudWatchMetricSpec
    /// The instance, for a per-instance spec.
    public let instance: String?

    /// The series of `spec`, for `instance` when the spec is per instance.
    public init(spec: CloudWatchMetricSpec, instance: String? = nil) {
        self.spec = spec
        self.instance = spec.perInstance ? instance : nil
    }

    /// The CloudWatch metric, with the instance's `InstanceId` dimension when it has one.
    public var metric: CloudWatchMetric {
        let instanceDimension = instance.map { [CloudWatchDimension("InstanceId", $0)] } ?? []
        return CloudWatchMetric(namespace: spec.namespace, name: spec.name, dimensions: instanceDimension + spec.dimensions)
    }

    /// The Tocsin series: named after the metric, labelled with its namespace, statistic and
    /// dimensions (`InstanceId` becomes `instance`, the label remediation and alerts read).
    public var key: SeriesKey {
        var labels = ["namespace": spec.namespace, "statistic": spec.statistic]
        for dimension in spec.dimensions { labels[dimension.name] = dimension.value }
        if let instance { labels["instance"] = instance }
        return SeriesKey(name: spec.name, labels: labels)
    }

    /// The GetMetricData query of this series under the call-unique `id`.
    func query(id: String) -> MetricDataQuery {
        MetricDataQuery(id: id, metric: metric, period: spec.period, stat: spec.statistic)
    }
}
