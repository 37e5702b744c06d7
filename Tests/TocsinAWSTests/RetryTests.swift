import Foundation
import Testing
import TocsinAWS
import TocsinTestServers

@Suite("AWSServiceClient retries")
struct RetryTests {
    static let throttlingXML = """
        <ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><Error><Type>Sender</Type>\
        <Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>req-throttled</RequestId></ErrorResponse>
        """
    static let listMetricsXML = """
        <ListMetricsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><ListMetricsResult><Metrics><member>\
        <Namespace>AWS/EC2</Namespace><MetricName>CPUUtilization</MetricName><Dimensions><member><Name>InstanceId</Name>\
        <Value>i-1</Value></member></Dimensions></member></Metrics></ListMetricsResult></ListMetricsResponse>
        """

    /// A CloudWatch client for `server` retrying as `retry`, sending through a recording transport.
    static func cloudWatch(_ server: ScriptedServer, retry: AWSRetryPolicy) throws -> (CloudWatchClient, RecordingHTTPTransport) {
        let transport = RecordingHTTPTransport(forwardingTo: URLSessionHTTPTransport(requestTimeout: 5))
        let configuration = AWSClientConfiguration(
            region: "eu-west-1", credentials: AWSCredentials(accessKeyID: "AKIDRETRY", secretAccessKey: "retry-secret"),
            endpoints: AWSEndpoints(all: server.endpoint), transport: transport, retry: retry
        )
        return (try CloudWatchClient(configuration: configuration), transport)
    }

    @Test("400 Throttling twice, then success: three signed attempts with exponential, jittered pauses")
    func throttledTwiceThenSuccess() async throws {
        let server = try await ScriptedServer([
            .init(status: 400, body: Self.throttlingXML), .init(status: 400, body: Self.throttlingXML),
            .init(status: 200, body: Self.listMetricsXML),
        ])
        let sleeper = SleepRecorder()
        let (cloudWatch, transport) = try Self.cloudWatch(server, retry: sleeper.policy(maxAttempts: 5))
        let metrics = try await cloudWatch.listMetrics(namespace: "AWS/EC2")
        #expect(metrics == [CloudWatchMetric(namespace: "AWS/EC2", name: "CPUUtilization", dimensions: [CloudWatchDimension("InstanceId", "i-1")])])
        #expect(sleeper.delays == [.milliseconds(500), .seconds(1)])
        let sent = await transport.sent
        #expect(sent.count == 3)
        #expect(sent.allSatisfy { $0.header("Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDRETRY/") == true })
        #expect(Set(sent.map(\.body)).count == 1, "the same body each time")
    }

    @Test("persistent throttling gives up after maxAttempts with a throttled error that keeps AWS's code")
    func persistentThrottling() async throws {
        let server = try await ScriptedServer([.init(status: 400, body: Self.throttlingXML)])
        let sleeper = SleepRecorder()
        let (cloudWatch, transport) = try Self.cloudWatch(server, retry: sleeper.policy(maxAttempts: 4))
        let error = try await #require(throws: AWSError.self) { try await cloudWatch.listMetrics() }
        #expect(error.code == .throttled && error.serviceCode == "Throttling" && error.httpStatus == 400)
        #expect(error.message == "CloudWatch ListMetrics: throttled on all 4 attempts; last: Throttling (HTTP 400): Rate exceeded (request id req-throttled)")
        #expect(sleeper.delays == [.milliseconds(500), .seconds(1), .seconds(2)])
        #expect(await transport.sent.count == 4)
    }

    @Test("HTTP 429, 503 and 500 are retried; a ValidationError is not")
    func classification() async throws {
        let server = try await ScriptedServer([
            .init(status: 429), .init(status: 503, body: "<html>Service Unavailable</html>"),
            .init(status: 500, body: "<html>oops</html>"), .init(status: 200, body: Self.listMetricsXML),
            .init(status: 400, body: "<ErrorResponse><Error><Code>ValidationError</Code><Message>bad</Message></Error></ErrorResponse>"),
        ])
        let sleeper = SleepRecorder()
        let (cloudWatch, transport) = try Self.cloudWatch(server, retry: sleeper.policy(maxAttempts: 5))
        #expect(try await cloudWatch.listMetrics().count == 1)
        #expect(sleeper.delays.count == 3)
        let error = try await #require(throws: AWSError.self) { try await cloudWatch.listMetrics() }
        #expect(error.code == .serviceError && error.serviceCode == "ValidationError")
        #expect(sleeper.delays.count == 3, "not retried")
        #expect(await transport.sent.count == 5)
    }

    @Test("JSON protocol: ThrottlingException in __type (with a namespace) is retried, then the page is read")
    func jsonThrottling() async throws {
        let throttled = ScriptedServer.Answer(
            status: 400, body: #"{"__type":"com.amazonaws.logs#ThrottlingException","message":"Rate exceeded"}"#,
            headers: ["Content-Type": "application/x-amz-json-1.1"]
        )
        let page = #"{"events":[{"logStreamName":"s","timestamp":1700000000123,"message":"ERROR x","eventId":"1"}]}"#
        let server = try await ScriptedServer([throttled, throttled, .init(status: 200, body: page)])
        let sleeper = SleepRecorder()
        let configuration = AWSClientConfiguration(
            region: "eu-west-1", credentials: AWSCredentials(accessKeyID: "AKIDRETRY", secretAccessKey: "retry-secret"),
            endpoints: AWSEndpoints(all: server.endpoint), retry: sleeper.policy(maxAttempts: 3)
        )
        let events = try await CloudWatchLogsClient(configuration: configuration).filterLogEvents(group: "g")
        #expect(events == [FilteredLogEvent(logStreamName: "s", timestamp: Date(timeIntervalSince1970: 1_700_000_000.123), message: "ERROR x", eventID: "1")])
        #expect(sleeper.delays == [.milliseconds(500), .seconds(1)])
    }

    @Test("full jitter: a random fraction of min(maxDelay, base × 2^(n-1)), seeded random numbers reproduce")
    func backoff() {
        let policy = AWSRetryPolicy(baseDelay: .milliseconds(100), maxDelay: .seconds(1), random: { 0.999_999 })
        #expect(policy.delay(beforeRetry: 1) <= .milliseconds(100) && policy.delay(beforeRetry: 1) > .milliseconds(99))
        #expect(policy.delay(beforeRetry: 4) > .milliseconds(799) && policy.delay(beforeRetry: 4) <= .milliseconds(800))
        #expect(policy.delay(beforeRetry: 10) <= .seconds(1) && policy.delay(beforeRetry: 10) > .milliseconds(999))
        #expect(policy.delay(beforeRetry: 500) <= .seconds(1))
        #expect(AWSRetryPolicy(random: { 0 }).delay(beforeRetry: 3) == .zero)

        let delays = { (seed: UInt64) in
            let generator = SeededRandom(seed: seed)
            let policy = AWSRetryPolicy(maxDelay: .seconds(20), random: { generator.next() })
            return (1...6).map { policy.delay(beforeRetry: $0) }
        }
        #expect(delays(7) == delays(7))
        #expect(delays(7) != delays(8))
        for (index, delay) in delays(7).enumerated() {
            #expect(delay >= .zero && delay <= .seconds(1) * (1 << index))
        }
    }

    @Test("a sleep that throws (the task was cancelled) ends the retries with a cancelled error")
    func cancelledWhileWaiting() async throws {
        let server = try await ScriptedServer([.init(status: 400, body: Self.throttlingXML)])
        let retry = AWSRetryPolicy(maxAttempts: 3, sleep: { _ in throw CancellationError() })
        let (cloudWatch, transport) = try Self.cloudWatch(server, retry: retry)
        let error = try await #require(throws: AWSError.self) { try await cloudWatch.listMetrics() }
        #expect(error.code == .cancelled && error.message.contains("CloudWatch ListMetrics was cancelled"))
        #expect(await transport.sent.count == 1)
    }
}
