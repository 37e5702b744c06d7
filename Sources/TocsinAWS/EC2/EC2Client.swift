/// Amazon EC2 over the query protocol, API version 2016-11-15:
/// ``describeInstances(filters:instanceIDs:pageSize:)`` and ``rebootInstances(_:)``.
public struct EC2Client: Sendable {
    /// The query-protocol client the operations go through.
    public let query: AWSQueryClient

    /// A client set up by `configuration`.
    ///
    /// Throws ``AWSError/Code/invalidRequest`` when the region forms no endpoint.
    public init(configuration: AWSClientConfiguration) throws(AWSError) {
        self.query = try AWSQueryClient(service: .ec2, version: "2016-11-15", configuration: configuration)
    }
}
