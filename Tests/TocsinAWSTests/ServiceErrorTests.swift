import Foundation
import Testing
import TocsinAWS
import TocsinTestServers

@Suite("Service errors and malformed answers")
struct ServiceErrorTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let token = "session-token-that-must-not-leak"

    /// A configuration for `server` with made-up keys (secret and token included), one attempt per request.
    static func configuration(_ server: ScriptedServer) -> AWSClientConfiguration {
        AWSClientConfiguration(
            region: "us-east-1",
            credentials: AWSCredentials(accessKeyID: "AKIDWRONG", secretAccessKey: secret, sessionToken: token),
            endpoints: AWSEndpoints(all: server.endpoint), retry: AWSRetryPolicy(maxAttempts: 1)
        )
    }

    /// Whether `error` shows neither the secret nor the session token.
    static func isSafe(_ error: AWSError) -> Bool {
        let shown = "\(error) \(String(reflecting: error)) \(error.message)"
        return !shown.contains(secret) && !shown.contains(token)
    }

    @Test("a wrong key gives InvalidClientTokenId with AWS's message and request id, and no secret")
    func wrongKeyQuery() async throws {
        let server = try await ScriptedServer([.init(status: 403, body: """
            <ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><Error><Type>Sender</Type>\
            <Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message>\
            </Error><RequestId>8f0d-request</RequestId></ErrorResponse>
            """)])
        let cloudWatch = try CloudWatchClient(configuration: Self.configuration(server))
        let error = try await #require(throws: AWSError.self) {
            try await cloudWatch.putMetricData(namespace: "Tocsin", [MetricDatum(metricName: "Score", value: 1)])
        }
        #expect(error.code == .serviceError && error.serviceCode == "InvalidClientTokenId" && error.httpStatus == 403)
        #expect(error.description == "serviceError: CloudWatch PutMetricData: InvalidClientTokenId (HTTP 403): "
            + "The security token included in the request is invalid. (request id 8f0d-request)")
        #expect(Self.isSafe(error))
    }

    @Test("EC2's <Response><Errors><Error> form and the JSON protocol's __type and X-Amzn-ErrorType are read too")
    func otherErrorForms() async throws {
        let server = try await ScriptedServer([
            .init(status: 401, body: """
                <?xml version="1.0" encoding="UTF-8"?>
                <Response><Errors><Error><Code>AuthFailure</Code><Message>AWS was not able to validate the provided \
                access credentials</Message></Error></Errors><RequestID>ec2-req</RequestID></Response>
                """),
            .init(status: 400, body: #"{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}"#),
            .init(
                status: 400, body: #"{"Message":"User is not authorized"}"#,
                headers: ["X-Amzn-ErrorType": "AccessDeniedException:http://internal.amazon.com/coral/"]
            ),
        ])
        let configuration = Self.configuration(server)
        let ec2Error = try await #require(throws: AWSError.self) { try await EC2Client(configuration: configuration).describeInstances() }
        #expect(ec2Error.serviceCode == "AuthFailure" && ec2Error.httpStatus == 401)
        #expect(ec2Error.message == "EC2 DescribeInstances: AuthFailure (HTTP 401): "
            + "AWS was not able to validate the provided access credentials (request id ec2-req)")

        let logs = try CloudWatchLogsClient(configuration: configuration)
        let logsError = try await #require(throws: AWSError.self) { try await logs.filterLogEvents(group: "g") }
        #expect(logsError.code == .serviceError && logsError.serviceCode == "UnrecognizedClientException")
        #expect(logsError.message.hasPrefix("CloudWatch Logs FilterLogEvents: UnrecognizedClientException (HTTP 400): The security token"))
        let deniedError = try await #require(throws: AWSError.self) { try await logs.filterLogEvents(group: "g") }
        #expect(deniedError.serviceCode == "AccessDeniedException")
        #expect(deniedError.message.hasSuffix("AccessDeniedException (HTTP 400): User is not authorized"))
        #expect(Self.isSafe(ec2Error) && Self.isSafe(logsError) && Self.isSafe(deniedError))
    }

    @Test("malformed XML, XML of the wrong shape and a value that is not a number are invalidResponse errors")
    func malformedXML() async throws {
        let server = try await ScriptedServer([
            .init(status: 200, body: "<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member>"),
            .init(status: 200, body: "<ListMetricsResponse><Unexpected/></ListMetricsResponse>"),
            .init(status: 200, body: """
                <GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member><Id>m1</Id><Label>x</Label>\
                <Timestamps><member>2026-01-01T00:00:00Z</member></Timestamps><Values><member>fast</member></Values>\
                <StatusCode>Complete</StatusCode></member></MetricDataResults></GetMetricDataResult></GetMetricDataResponse>
                """),
            .init(status: 200, body: ""),
        ])
        let cloudWatch = try CloudWatchClient(configuration: Self.configuration(server))
        let query = MetricDataQuery(id: "m1", metric: CloudWatchMetric(namespace: "AWS/EC2", name: "CPUUtilization"), period: 60, stat: "Average")
        let now = Date()
        let truncated = try await #require(throws: AWSError.self) {
            try await cloudWatch.getMetricData([query], from: now.addingTimeInterval(-3600), to: now)
        }
        #expect(truncated.code == .invalidResponse)
        #expect(truncated.message.hasPrefix("CloudWatch GetMetricData answered HTTP 200 with an unexpected body: the answer is not well-formed XML (line 1"))
        let shape = try await #require(throws: AWSError.self) { try await cloudWatch.listMetrics() }
        #expect(shape.code == .invalidResponse && shape.message.hasSuffix("<ListMetricsResponse> has no <ListMetricsResult>"))
        let value = try await #require(throws: AWSError.self) {
            try await cloudWatch.getMetricData([query], from: now.addingTimeInterval(-3600), to: now)
        }
        #expect(value.code == .invalidResponse && value.message.hasSuffix("result m1 has the value fast, which is not a number"))
        let empty = try await #require(throws: AWSError.self) { try await cloudWatch.listMetrics() }
        #expect(empty.code == .invalidResponse && empty.message.hasSuffix("the answer holds no XML element"))
    }

    @Test("a JSON answer that is not JSON, or misses a field, is an invalidResponse error naming the field")
    func malformedJSON() async throws {
        let server = try await ScriptedServer([
            .init(status: 200, body: "<html>proxy login</html>"),
            .init(status: 200, body: #"{"events":[{"logStreamName":"s","message":"m"}]}"#),
        ])
        let logs = try CloudWatchLogsClient(configuration: Self.configuration(server))
        let notJSON = try await #require(throws: AWSError.self) { try await logs.filterLogEvents(group: "g") }
        #expect(notJSON.code == .invalidResponse)
        #expect(notJSON.message == "CloudWatch Logs FilterLogEvents answered with a body that is not the expected JSON (not JSON)")
        let missing = try await #require(throws: AWSError.self) { try await logs.filterLogEvents(group: "g") }
        #expect(missing.message.hasSuffix("(missing events.0.timestamp)"))
    }

    @Test("an error answer without an AWS code shows its status and the start of the body")
    func errorWithoutCode() async throws {
        let server = try await ScriptedServer([.init(status: 502, body: "<html>\n  <h1>Bad Gateway</h1>\n</html>")])
        let error = try await #require(throws: AWSError.self) {
            try await SNSClient(configuration: Self.configuration(server)).publish(topicARN: "arn:aws:sns:us-east-1:1:t", message: "m")
        }
        #expect(error.code == .serviceError && error.serviceCode == nil && error.httpStatus == 502)
        #expect(error.message == "SNS Publish: HTTP 502 without an AWS error code: <html> <h1>Bad Gateway</h1> </html>")
    }
}
