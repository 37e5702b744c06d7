import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TocsinTestServers

/// `tocsin serve` with a cloudwatch source whose endpoint refuses the credentials, throttles,
/// then answers garbage: each pull's error is logged clearly and the service keeps running.
@Suite("CloudWatch source errors in serve")
struct CloudWatchServeErrorTests {
    static let secret = "serve-wrong-secret"

    @Test("wrong credentials, throttling and a malformed answer are logged by name; /health answers throughout; pulls resume")
    func serviceKeepsRunning() async throws {
        let invalidToken = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token "
            + "included in the request is invalid.</Message></Error><RequestId>r1</RequestId></ErrorResponse>"
        let throttled = "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r2</RequestId></ErrorResponse>"
        let empty = "<DescribeInstancesResponse><requestId>r3</requestId><reservationSet/></DescribeInstancesResponse>"
        let endpoint = try await ScriptedServer([
            .init(status: 403, body: invalidToken), .init(status: 400, body: throttled), .init(status: 200, body: "<html>gateway</html>"),
            .init(status: 200, body: empty),
        ])
        let folder = try TemporaryFolder()
        let config = try folder.write("tocsin.yaml", """
            store: sqlite:\(folder.url.path)/tocsin.sqlite
            sources:
              - type: cloudwatch
                region: eu-south-1
                endpoint: \(endpoint.endpoint.absoluteString)
                interval: 1s
            """)
        let log = folder.url.appendingPathComponent("serve.log")
        let server = try ServerProcess(arguments: ["--config", config], environment: [
            "AWS_ACCESS_KEY_ID": "AKIDWRONG", "AWS_SECRET_ACCESS_KEY": Self.secret, "AWS_EC2_METADATA_DISABLED": "true",
        ], errorLog: log)
        defer { server.stop() }
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !text.contains("watching 0 instances") {
            #expect(try await server.get("/health")["status"] as? String == "ok")
            try await Task.sleep(for: .milliseconds(500))
            text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        }
        #expect(text.contains("InvalidClientTokenId (HTTP 403): The security token included in the request is invalid."), "\(text)")
        #expect(text.contains("invalidResponse"), "the malformed answer: \(text)")
        #expect(text.contains("watching 0 instances"), "a later pull succeeded: \(text)")
        #expect(!text.contains(Self.secret))
        #expect(server.process.isRunning)
    }
}
