/// One query of GetMetricData: a statistic of one metric over fixed periods.
public struct MetricDataQuery: Sendable, Hashable {
    /// The query's id, unique in the call; starts with a lower-case letter and holds only
    /// letters, digits and `_`.
    public var id: String
    /// The metric to read.
    public var metric: CloudWatchMetric
    /// The period in seconds: 1, 5, 10, 30 or a multiple of 60.
    public var period: Int
    /// The statistic, such as `Average`, `Maximum`, `Sum`, `SampleCount` or `p99`.
    public var stat: String
    /// Only data points stored with this unit, when set.
    public var unit: CloudWatchUnit?
    /// The label of the result; CloudWatch makes one up when `nil`.
    public var label: String?

    /// Creates a query.
    public init(id: String, metric: CloudWatchMetric, period: Int, stat: String, unit: CloudWatchUnit? = nil, label: String? = nil) {
        self.id = id
        self.metric = metric
        self.period = period
        self.stat = stat
        self.unit = unit
        self.label = label
    }

    /// Appends the query as `prefix.Id`, `prefix.MetricStat.…` and `prefix.Label`.
    func append(to parameters: inout QueryParameters, prefix: String) {
        parameters.append("\(prefix).Id", id)
        parameters.append("\(prefix).MetricStat.Metric.Namespace", metric.namespace)
        parameters.append("\(prefix).MetricStat.Metric.MetricName", metric.name)
        parameters.append(dimensions: metric.dimensions, prefix: "\(prefix).MetricStat.Metric.Dimensions")
        parameters.append("\(prefix).MetricStat.Period", String(period))
        parameters.append("\(prefix).MetricStat.Stat", stat)
        parameters.append("\(prefix).MetricStat.Unit", unit?.rawValue)
        parameters.append("\(prefix).Label", label)
    }
}
