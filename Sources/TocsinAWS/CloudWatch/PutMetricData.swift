extension CloudWatchClient {
    /// The most data points one PutMetricData call takes.
    public static let maxMetricDataPerCall = 1000
    /// The largest PutMetricData body sent, in bytes (CloudWatch's limit is 1 MB).
    public static let maxPutMetricDataBytes = 1_000_000

    /// Publishes `data` in `namespace`, in as many calls as needed to keep each call within
    /// ``maxMetricDataPerCall`` data points and ``maxPutMetricDataBytes`` bytes, in order.
    ///
    /// Throws ``AWSError/Code/invalidRequest``, before sending anything, when a value is not
    /// finite. Calls already made stay made when a later one fails.
    public func putMetricData(namespace: String, _ data: [MetricDatum]) async throws(AWSError) {
        if let bad = data.firstIndex(where: { !$0.value.isFinite }) {
            throw AWSError(.invalidRequest, "CloudWatch PutMetricData: data point \(bad) (\(data[bad].metricName)) is not a finite number")
        }
        for chunk in chunks(data, namespace: namespace) {
            _ = try await query.send("PutMetricData", chunk)
        }
    }

    /// The request bodies' fields for `data`: `Namespace` and up to ``maxMetricDataPerCall``
    /// data points each, none (unless a single data point is that large) over
    /// ``maxPutMetricDataBytes`` with `Action` and `Version`.
    private func chunks(_ data: [MetricDatum], namespace: String) -> [QueryParameters] {
        var head = QueryParameters()
        head.append("Action", "PutMetricData")
        head.append("Version", query.version)
        head.append("Namespace", namespace)
        let headBytes = head.formEncoded.utf8.count
        var chunks: [QueryParameters] = []
        var current = QueryParameters()
        current.append("Namespace", namespace)
        var count = 0
        var bytes = headBytes
        for datum in data {
            var fields = datum.parameters(prefix: "MetricData.member.\(count + 1)")
            var size = fields.formEncoded.utf8.count + 1
            if count == Self.maxMetricDataPerCall || (count > 0 && bytes + size > Self.maxPutMetricDataBytes) {
                chunks.append(current)
                current = QueryParameters()
                current.append("Namespace", namespace)
                count = 0
                bytes = headBytes
                fields = datum.parameters(prefix: "MetricData.member.1")
                size = fields.formEncoded.utf8.count + 1
            }
            for item in fields.items { current.append(item.name, item.value) }
            count += 1
            bytes += size
        }
        if count > 0 { chunks.append(current) }
        return chunks
    }
}
