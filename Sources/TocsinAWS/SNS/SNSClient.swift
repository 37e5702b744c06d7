/// Amazon SNS over the query protocol, API version 2010-03-31: ``publish(topicARN:message:subject:)``.
public struct SNSClient: Sendable {
    /// The query-protocol client the operations go through.
    public let query: AWSQueryClient

    /// A client set up by `configuration`.
    ///
    /// Throws ``AWSError/Code/invalidRequest`` when the region forms no endpoint.
    public init(configuration: AWSClientConfiguration) throws(AWSError) {
        self.query = try AWSQueryClient(service: .sns, version: "2010-03-31", configuration: configuration)
    }

    /// Publishes `message` to the topic `topicARN`, with `subject` for e-mail subscribers, and
    /// returns SNS's message id.
    public func publish(topicARN: String, message: String, subject: String? = nil) async throws(AWSError) -> String {
        var parameters = QueryParameters()
        parameters.append("TopicArn", topicARN)
        parameters.append("Message", message)
        parameters.append("Subject", subject)
        return try await query.send("Publish", parameters) { root throws(AWSError) in
            guard let id = root.child(path: "PublishResult", "MessageId")?.text, !id.isEmpty else {
                throw AWSError(.invalidResponse, "<\(root.name)> has no <PublishResult><MessageId>")
            }
            return id
        }
    }
}
