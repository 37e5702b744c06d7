extension CloudWatchClient {
    /// A dimension that listed metrics must have, with any value when `value` is `nil`.
    public struct DimensionFilter: Sendable, Hashable {
        /// The dimension name.
        public var name: String
        /// The value it must have, or `nil` for any.
        public var value: String?

        /// Creates a filter.
        public init(_ name: String, _ value: String? = nil) {
            self.name = name
            self.value = value
        }
    }

    /// Every metric that matches the filters, following `NextToken` through all pages.
    ///
    /// CloudWatch lists metrics that received data in the past two weeks.
    public func listMetrics(
        namespace: String? = nil, metricName: String? = nil, dimensions: [DimensionFilter] = []
    ) async throws(AWSError) -> [CloudWatchMetric] {
        var metrics: [CloudWatchMetric] = []
        var nextToken: String?
        repeat {
            var parameters = QueryParameters()
            parameters.append("Namespace", namespace)
            parameters.append("MetricName", metricName)
            for (index, filter) in dimensions.enumerated() {
                parameters.append("Dimensions.member.\(index + 1).Name", filter.name)
                parameters.append("Dimensions.member.\(index + 1).Value", filter.value)
            }
            parameters.append("NextToken", nextToken)
            let page = try await query.send("ListMetrics", parameters) { root throws(AWSError) in
                try Self.metricsPage(root)
            }
            metrics += page.metrics
            nextToken = page.nextToken
        } while nextToken != nil
        return metrics
    }

    /// The metrics and next token in `<ListMetricsResponse>`.
    private static func metricsPage(_ root: AWSXMLElement) throws(AWSError) -> (metrics: [CloudWatchMetric], nextToken: String?) {
        guard let result = root.child("ListMetricsResult") else {
            throw AWSError(.invalidResponse, "<\(root.name)> has no <ListMetricsResult>")
        }
        var metrics: [CloudWatchMetric] = []
        for member in result.child("Metrics")?.children("member") ?? [] {
            var dimensions: [CloudWatchDimension] = []
            for dimension in member.child("Dimensions")?.children("member") ?? [] {
                dimensions.append(CloudWatchDimension(try dimension.requiredText(of: "Name"), try dimension.requiredText(of: "Value")))
            }
            metrics.append(CloudWatchMetric(
                namespace: try member.requiredText(of: "Namespace"), name: try member.requiredText(of: "MetricName"),
                dimensions: dimensions
            ))
        }
        return (metrics, result.text(of: "NextToken").flatMap { $0.isEmpty ? nil : $0 })
    }
}
