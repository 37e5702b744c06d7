import Foundation
import Testing
import TocsinAWS
import TocsinTestServers

extension AgainstMoto {
    @Suite("SNSClient")
    struct SNSClientTests {
        @Test("Publish to a topic returns SNS's message id; a missing topic is a NotFound error")
        func publish() async throws {
            let moto = try MotoServer.shared()
            let transport = RecordingHTTPTransport(forwardingTo: MotoServer.transport)
            let sns = try SNSClient(configuration: moto.configuration(region: "ca-central-1", transport: transport))
            var create = QueryParameters()
            create.append("Name", "tocsin-alerts")
            let created = try await sns.query.send("CreateTopic", create)
            let topic = try #require(created.child(path: "CreateTopicResult", "TopicArn")?.text)

            let first = try await sns.publish(topicARN: topic, message: "CPU anomaly on i-0aaaaaaaaaaaaaaaa (score 0.97)", subject: "Tocsin: anomaly")
            let second = try await sns.publish(topicARN: topic, message: "résumé & <xml> = ok")
            #expect(UUID(uuidString: first) != nil && UUID(uuidString: second) != nil && first != second)
            let form = RecordingHTTPTransport.form(try #require(await transport.sent.dropLast().last))
            #expect(form["Subject"] == "Tocsin: anomaly" && form["TopicArn"] == topic)
            #expect(RecordingHTTPTransport.form(try #require(await transport.sent.last))["Message"] == "résumé & <xml> = ok")

            let error = try await #require(throws: AWSError.self) {
                try await sns.publish(topicARN: "arn:aws:sns:us-east-1:123456789012:missing", message: "x")
            }
            #expect(error.code == .serviceError && error.serviceCode == "NotFound" && error.httpStatus == 404)
            #expect(error.description.contains("SNS Publish: NotFound (HTTP 404)"))
        }
    }
}
