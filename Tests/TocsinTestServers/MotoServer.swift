import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TocsinAWS

/// moto's server (`Support/moto_server.py`) on 127.0.0.1, shared by the tests of a suite
/// marked ``MotoScope/moto``: started before the suite, stopped after it. moto keeps one state
/// per account and region, so each test isolates itself by signing for a region of its own.
public final class MotoServer: @unchecked Sendable {
    /// The server of the running ``MotoScope`` suite.
    @TaskLocal public static var current: MotoServer?

    public let process: Process
    public let port: Int

    /// Starts the server and waits until it answers HTTP.
    public init() async throws {
        process = try PythonScript.start("moto_server.py")
        do {
            port = try await PythonScript.waitForPort(of: process, script: "moto_server.py")
            try await Self.waitUntilAnswering(URL(string: "http://127.0.0.1:\(port)/moto-api/")!)
        } catch {
            PythonScript.stop(process)
            throw error
        }
    }

    /// The server of the running suite; fails the test when it is not inside one.
    public static func shared(sourceLocation: SourceLocation = #_sourceLocation) throws -> MotoServer {
        try #require(current, "run inside a suite marked .moto", sourceLocation: sourceLocation)
    }

    /// The server's base URL.
    public var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// A transport that waits up to two minutes for moto, which may be slow on a busy machine.
    public static let transport = URLSessionHTTPTransport(requestTimeout: 120, resourceTimeout: 300)

    /// A configuration that sends every service to this server, signing for `region` with
    /// made-up keys, through `transport`, trying each request once.
    public func configuration(
        region: String, transport: any AWSHTTPTransport = MotoServer.transport
    ) -> AWSClientConfiguration {
        AWSClientConfiguration(
            region: region,
            credentials: AWSCredentials(accessKeyID: "AKIDMOTOTEST", secretAccessKey: "moto-test-secret"),
            endpoints: AWSEndpoints(all: endpoint),
            transport: transport,
            retry: AWSRetryPolicy(maxAttempts: 1)
        )
    }

    /// Stops the server (see ``PythonScript/stop(_:)``).
    public func stop() {
        PythonScript.stop(process)
    }

    /// Polls `url` until any HTTP answer comes, for at most ten seconds.
    private static func waitUntilAnswering(_ url: URL) async throws {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                _ = try await URLSession.shared.data(from: url)
                return
            } catch where Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }
}

/// Runs a suite with one ``MotoServer`` for all its tests, stopped when the suite ends.
public struct MotoScope: SuiteTrait, TestScoping {
    /// A scope; use ``Trait/moto``.
    public init() {}

    public var isRecursive: Bool { false }

    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let server = try await MotoServer()
        defer { server.stop() }
        try await MotoServer.$current.withValue(server) { try await function() }
    }
}

extension Trait where Self == MotoScope {
    /// One moto server for the suite's tests.
    public static var moto: Self { MotoScope() }
}
