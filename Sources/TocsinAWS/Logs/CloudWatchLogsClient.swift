/// Amazon CloudWatch Logs over JSON 1.1 (`X-Amz-Target: Logs_20140328.Operation`):
/// ``filterLogEvents(group:streams:from:to:pattern:pageSize:)``.
public struct CloudWatchLogsClient: Sendable {
    /// The JSON-protocol client the operations go through.
    public let json: AWSJSONClient

    /// A client set up by `configuration`.
    ///
    /// Throws ``AWSError/Code/invalidRequest`` when the region forms no endpoint.
    public init(configuration: AWSClientConfiguration) throws(AWSError) {
        self.json = try AWSJSONClient(service: .cloudWatchLogs, targetPrefix: "Logs_20140328", configuration: configuration)
    }
}
