/// A CloudWatch metric: namespace, name and dimensions.
public struct CloudWatchMetric: Sendable, Hashable {
    /// The namespace, such as `AWS/EC2`.
    public var namespace: String
    /// The metric name, such as `CPUUtilization`.
    public var name: String
    /// The dimensions, such as `InstanceId`; order does not matter to CloudWatch.
    public var dimensions: [CloudWatchDimension]

    /// Creates a metric.
    public init(namespace: String, name: String, dimensions: [CloudWatchDimension] = []) {
        self.namespace = namespace
        self.name = name
        self.dimensions = dimensions
    }
}

/// One name/value pair that tells metrics of the same name apart.
public struct CloudWatchDimension: Sendable, Hashable {
    /// The dimension name, such as `InstanceId`.
    public var name: String
    /// The dimension value, such as `i-0123456789abcdef0`.
    public var value: String

    /// Creates a dimension.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension QueryParameters {
    /// Appends `dimensions` as `prefix.member.N.Name` and `prefix.member.N.Value`.
    mutating func append(dimensions: [CloudWatchDimension], prefix: String) {
        for (index, dimension) in dimensions.enumerated() {
            append("\(prefix).member.\(index + 1).Name", dimension.name)
            append("\(prefix).member.\(index + 1).Value", dimension.value)
        }
    }
}
