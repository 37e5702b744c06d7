import Foundation
import Testing
import TocsinAWS
import TocsinCloudWatch
import TocsinTestServers

/// How a ``CloudWatchSource`` fails against a misbehaving endpoint: a clear error, a retry
/// where one can help, and a source that works again at the next pull.
@Suite("CloudWatchSource errors")
struct CloudWatchSourceErrorTests {
    static let secret = "wrong-secret-never-printed"

    static let emptyInstances = """
        <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><reservationSet/></DescribeInstancesResponse>
        """

    static let invalidToken = """
        <ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>\
        <Message>The security token included in the request is invalid.</Message></Error><RequestId>r1</RequestId></ErrorResponse>
        """

    static let throttled = """
        <ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r2</RequestId></ErrorResponse>
        """

    static func source(_ endpoint: URL, attempts: Int = 3) throws -> CloudWatchSource {
        let configuration = AWSClientConfiguration(
            region: "eu-west-3", credentials: AWSCredentials(accessKeyID: "AKIDWRONG", secretAccessKey: secret),
            endpoints: AWSEndpoints(all: endpoint), transport: URLSessionHTTPTransport(requestTimeout: 10, resourceTimeout: 20),
            retry: AWSRetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50))
        )
        return try CloudWatchSource(settings: .init(), cloudWatch: CloudWatchClient(configuration: configuration),
                                    ec2: EC2Client(configuration: configuration))
    }

    @Test("wrong credentials: InvalidClientTokenId by name, not retried, no secret; the next pull works")
    func wrongCredentials() async throws {
        let server = try await ScriptedServer([.init(status: 403, body: Self.invalidToken), .init(status: 200, body: Self.emptyInstances)])
        let source = try Self.source(server.endpoint)
        let error = try await #require(throws: AWSError.self) { try await source.pull(now: Date()) }
        #expect(error.serviceCode == "InvalidClientTokenId")
        #expect(error.description.contains("InvalidClientTokenId") && error.description.contains("security token"))
        #expect(!error.description.contains(Self.secret))
        #expect(try await source.pull(now: Date()).isEmpty, "the second answer lists no instance")
    }

    @Test("throttling is retried with backoff and the pull succeeds")
    func throttling() async throws {
        let server = try await ScriptedServer([.init(status: 400, body: Self.throttled), .init(status: 200, body: Self.emptyInstances)])
        let source = try Self.source(server.endpoint)
        #expect(try await source.pull(now: Date()).isEmpty)
    }

    @Test("a malformed answer is an invalid-response error naming the operation; the next pull works")
    func malformedAnswer() async throws {
        let server = try await ScriptedServer([.init(status: 200, body: "<html>proxy error</html>"), .init(status: 200, body: Self.emptyInstances)])
        let source = try Self.source(server.endpoint)
        let error = try await #require(throws: AWSError.self) { try await source.pull(now: Date()) }
        #expect(error.code == .invalidResponse)
        #expect(error.description.contains("DescribeInstances"))
        #expect(try await source.pull(now: Date()).isEmpty)
    }

    @Test("an unreachable endpoint is a connection error after the retries, not a crash")
    func unreachable() async throws {
        let source = try Self.source(URL(string: "http://127.0.0.1:9")!, attempts: 2)
        let error = try await #require(throws: AWSError.self) { try await source.pull(now: Date()) }
        #expect(error.code == .connectionFailed)
        #expect(error.description.contains("127.0.0.1"))
    }

    @Test("a metric CloudWatch would refuse is rejected when the source is made")
    func badSpec() throws {
        let configuration = AWSClientConfiguration(region: "eu-west-3", credentials: AWSCredentials(accessKeyID: "A", secretAccessKey: "B"))
        let spec = CloudWatchMetricSpec(namespace: "AWS/EC2", name: "CPUUtilization", period: 90)
        let error = #expect(throws: AWSError.self) {
            try CloudWatchSource(settings: .init(metrics: [spec]), cloudWatch: CloudWatchClient(configuration: configuration),
                                 ec2: EC2Client(configuration: configuration))
        }
        #expect(error?.message == "CPUUtilization: the period must be 1, 5, 10, 30 or a multiple of 60 seconds, got 90")
    }
}
