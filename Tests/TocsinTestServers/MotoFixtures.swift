import Foundation
import TocsinAWS

/// Resources made in moto for tests, through the operations Tocsin itself does not need.
public enum MotoFixtures {
    /// Launches one t3.micro instance with `tags` through RunInstances and returns its id.
    public static func runInstance(_ ec2: EC2Client, tags: [String: String]) async throws -> String {
        var parameters = QueryParameters()
        parameters.append("ImageId", "ami-12c6146b")
        parameters.append("InstanceType", "t3.micro")
        parameters.append("MinCount", "1")
        parameters.append("MaxCount", "1")
        if !tags.isEmpty { parameters.append("TagSpecification.1.ResourceType", "instance") }
        for (index, (key, value)) in tags.sorted(by: { $0.key < $1.key }).enumerated() {
            parameters.append("TagSpecification.1.Tag.\(index + 1).Key", key)
            parameters.append("TagSpecification.1.Tag.\(index + 1).Value", value)
        }
        let answer = try await ec2.query.send("RunInstances", parameters)
        guard let id = answer.child(path: "instancesSet", "item", "instanceId")?.text else {
            throw AWSError(.invalidResponse, "RunInstances answered no instance id")
        }
        return id
    }

    /// Creates `stream` in `group` (and the group, when `createGroup`) and puts `events`
    /// (time, message) into it with PutLogEvents.
    public static func putLogEvents(_ logs: CloudWatchLogsClient, group: String, stream: String, createGroup: Bool = true,
                                    _ events: [(timestamp: Date, message: String)]) async throws {
        if createGroup { _ = try await logs.json.send("CreateLogGroup", ["logGroupName": group]) }
        _ = try await logs.json.send("CreateLogStream", ["logGroupName": group, "logStreamName": stream])
        let body = PutLogEvents(logGroupName: group, logStreamName: stream, logEvents: events.map {
            InputEvent(timestamp: Int64(($0.timestamp.timeIntervalSince1970 * 1000).rounded()), message: $0.message)
        })
        _ = try await logs.json.send("PutLogEvents", body)
    }

    /// Creates the SNS topic `name` and subscribes `endpoint` (an http URL, which moto posts each
    /// message to); returns the topic's ARN.
    public static func topic(_ sns: SNSClient, name: String, subscribing endpoint: URL) async throws -> String {
        var create = QueryParameters()
        create.append("Name", name)
        guard let arn = try await sns.query.send("CreateTopic", create).child(path: "CreateTopicResult", "TopicArn")?.text else {
            throw AWSError(.invalidResponse, "CreateTopic answered no TopicArn")
        }
        var subscribe = QueryParameters()
        subscribe.append("TopicArn", arn)
        subscribe.append("Protocol", endpoint.scheme ?? "http")
        subscribe.append("Endpoint", endpoint.absoluteString)
        _ = try await sns.query.send("Subscribe", subscribe)
        return arn
    }

    /// One event of a PutLogEvents body.
    private struct InputEvent: Encodable {
        let timestamp: Int64
        let message: String
    }

    /// The body of PutLogEvents.
    private struct PutLogEvents: Encodable {
        let logGroupName: String
        let logStreamName: String
        let logEvents: [InputEvent]
    }
}
