import Foundation
import Testing
import TocsinAWS
import TocsinTestServers

@Suite("URLSessionHTTPTransport")
struct TransportTests {
    static func configuration(
        endpoint: URL, transport: any AWSHTTPTransport = URLSessionHTTPTransport(), retry: AWSRetryPolicy = AWSRetryPolicy()
    ) -> AWSClientConfiguration {
        AWSClientConfiguration(
            region: "us-east-1", credentials: AWSCredentials(accessKeyID: "AKIDTRANSPORT", secretAccessKey: "transport-secret"),
            endpoints: AWSEndpoints(all: endpoint), transport: transport, retry: retry
        )
    }

    @Test("a wrong endpoint (closed port) is a connectionFailed error naming it, at once, with the default retry policy")
    func closedPort() async throws {
        let server = try await ScriptedServer([.init(status: 200)])
        let closed = server.endpoint
        PythonScript.stop(server.process)
        let ec2 = try EC2Client(configuration: Self.configuration(endpoint: closed))
        let started = Date()
        let error = try await #require(throws: AWSError.self) { try await ec2.describeInstances() }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(error.code == .connectionFailed)
        #expect(error.message == "EC2 DescribeInstances: \(closed.absoluteString) refused the connection (is the endpoint right?)")
    }

    @Test("an endpoint that never answers times out, is retried, and ends in a timedOut error")
    func timeout() async throws {
        let server = try await ScriptedServer([.init(status: 200)], hang: true)
        let sleeper = SleepRecorder()
        let sns = try SNSClient(configuration: Self.configuration(
            endpoint: server.endpoint, transport: URLSessionHTTPTransport(requestTimeout: 1, resourceTimeout: 2),
            retry: sleeper.policy(maxAttempts: 2)
        ))
        let started = Date()
        let error = try await #require(throws: AWSError.self) { try await sns.publish(topicARN: "arn:aws:sns:us-east-1:1:t", message: "m") }
        #expect(Date().timeIntervalSince(started) < 8)
        #expect(error.code == .timedOut)
        #expect(error.message == "SNS Publish: failed on all 2 attempts; last: \(server.endpoint.absoluteString) did not answer within the timeout")
        #expect(sleeper.delays.count == 1)
    }

    @Test("requests go out as signed form POSTs to the endpoint, and the secret is never sent")
    func wire() async throws {
        let answer = "<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>"
        let server = try await ScriptedServer([.init(status: 200, body: answer)])
        let transport = RecordingHTTPTransport(forwardingTo: URLSessionHTTPTransport())
        let sns = try SNSClient(configuration: Self.configuration(endpoint: server.endpoint, transport: transport))
        #expect(try await sns.publish(topicARN: "arn:aws:sns:us-east-1:1:t", message: "a b+c&d=é") == "m-1")
        let request = try #require(await transport.sent.first)
        #expect(request.method == "POST" && request.url.absoluteString == server.endpoint.absoluteString + "/")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(String(decoding: request.body, as: UTF8.self)
            == "Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3At&Message=a%20b%2Bc%26d%3D%C3%A9")
        let authorization = try #require(request.header("Authorization"))
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDTRANSPORT/"))
        #expect(authorization.contains("/us-east-1/sns/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature="))
        let everything = request.headers.map { "\($0.name): \($0.value)" }.joined() + String(decoding: request.body, as: UTF8.self)
        #expect(!everything.contains("transport-secret"))
    }
}
