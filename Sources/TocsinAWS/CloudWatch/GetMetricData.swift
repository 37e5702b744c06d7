import Foundation

extension CloudWatchClient {
    /// The most queries one GetMetricData call takes.
    public static let maxQueriesPerCall = 500

    /// The data points of `queries` between `start` (inclusive) and `end` (exclusive), oldest first.
    ///
    /// Sends at most ``maxQueriesPerCall`` queries per call and follows `NextToken` until each
    /// batch is complete; pages of one query are joined into one result. `maxDatapoints`
    /// bounds the data points of one answer (CloudWatch's default is 100,800).
    ///
    /// Throws ``AWSError/Code/invalidRequest`` when two queries share an id.
    public func getMetricData(
        _ queries: [MetricDataQuery], from start: Date, to end: Date, maxDatapoints: Int? = nil
    ) async throws(AWSError) -> [MetricDataResult] {
        guard Set(queries.map(\.id)).count == queries.count else {
            throw AWSError(.invalidRequest, "CloudWatch GetMetricData: query ids must be unique")
        }
        var results: [MetricDataResult] = []
        var positions: [String: Int] = [:]
        for batchStart in stride(from: 0, to: queries.count, by: Self.maxQueriesPerCall) {
            let batch = queries[batchStart..<min(batchStart + Self.maxQueriesPerCall, queries.count)]
            var nextToken: String?
            repeat {
                var parameters = QueryParameters()
                for (index, query) in batch.enumerated() {
                    query.append(to: &parameters, prefix: "MetricDataQueries.member.\(index + 1)")
                }
                parameters.append("StartTime", QueryTimestamp.format(start))
                parameters.append("EndTime", QueryTimestamp.format(end))
                parameters.append("ScanBy", "TimestampAscending")
                parameters.append("MaxDatapoints", maxDatapoints.map(String.init))
                parameters.append("NextToken", nextToken)
                let page = try await query.send("GetMetricData", parameters) { root throws(AWSError) in
                    try MetricDataPage(root: root)
                }
                for result in page.results {
                    if let position = positions[result.id] {
                        results[position].timestamps += result.timestamps
                        results[position].values += result.values
                        results[position].statusCode = result.statusCode
                    } else {
                        positions[result.id] = results.count
                        results.append(result)
                    }
                }
                nextToken = page.nextToken
            } while nextToken != nil
        }
        return results
    }
}

/// One answer of GetMetricData.
private struct MetricDataPage {
    let results: [MetricDataResult]
    let nextToken: String?

    /// The page in `<GetMetricDataResponse>`.
    init(root: AWSXMLElement) throws(AWSError) {
        guard let result = root.child("GetMetricDataResult") else {
            throw AWSError(.invalidResponse, "<\(root.name)> has no <GetMetricDataResult>")
        }
        var results: [MetricDataResult] = []
        for member in result.child("MetricDataResults")?.children("member") ?? [] {
            results.append(try MetricDataResult(member: member))
        }
        self.results = results
        self.nextToken = result.text(of: "NextToken").flatMap { $0.isEmpty ? nil : $0 }
    }
}
