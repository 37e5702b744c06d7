import Foundation

/// One data point to publish with PutMetricData.
public struct MetricDatum: Sendable, Hashable {
    /// The metric name, such as `AnomalyScore`.
    public var metricName: String
    /// The dimensions, at most 30.
    public var dimensions: [CloudWatchDimension]
    /// When the value was measured; CloudWatch takes the time of arrival when `nil`.
    public var timestamp: Date?
    /// The value; must be finite.
    public var value: Double
    /// The unit, or `nil` for none.
    public var unit: CloudWatchUnit?

    /// Creates a data point.
    public init(
        metricName: String, dimensions: [CloudWatchDimension] = [], timestamp: Date? = nil, value: Double, unit: CloudWatchUnit? = nil
    ) {
        self.metricName = metricName
        self.dimensions = dimensions
        self.timestamp = timestamp
        self.value = value
        self.unit = unit
    }

    /// The form fields of the data point, as `prefix.MetricName` and so on.
    func parameters(prefix: String) -> QueryParameters {
        var parameters = QueryParameters()
        parameters.append("\(prefix).MetricName", metricName)
        parameters.append(dimensions: dimensions, prefix: "\(prefix).Dimensions")
        parameters.append("\(prefix).Timestamp", timestamp.map(QueryTimestamp.format))
        parameters.append("\(prefix).Value", String(value))
        parameters.append("\(prefix).Unit", unit?.rawValue)
        return parameters
    }
}
