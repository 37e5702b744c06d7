/// Amazon CloudWatch metrics over the query protocol, API version 2010-08-01:
/// ``getMetricData(_:from:to:maxDatapoints:)``, ``listMetrics(namespace:metricName:dimensions:)``
/// and ``putMetricData(namespace:_:)``.
public struct CloudWatchClient: Sendable {
    /// The query-protocol client the operations go through.
    public let query: AWSQueryClient

    /// A client set up by `configuration`.
    ///
    /// Throws ``AWSError/Code/invalidRequest`` when the region forms no endpoint.
    public init(configuration: AWSClientConfiguration) throws(AWSError) {
        self.query = try AWSQueryClient(service: .cloudWatch, version: "2010-08-01", configuration: configuration)
    }
}
