import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `Support/webhook_server.py` on 127.0.0.1: answers 500 for its first `failSeconds`, then
/// 200, recording what it accepted; stopped when the value goes away.
public final class WebhookServer: Sendable {
    /// One accepted request.
    public struct Received: Decodable, Sendable {
        public let path: String
        public let authorization: String?
        public let body: String
    }

    private let process: UncheckedProcess
    /// The port it listens on.
    public let port: Int

    private struct UncheckedProcess: @unchecked Sendable {
        let process: Process
    }

    /// Starts the server, failing every request for its first `failSeconds`.
    public init(failSeconds: Double = 0) async throws {
        let started = try PythonScript.start("webhook_server.py", ["--fail-seconds", String(failSeconds)])
        process = UncheckedProcess(process: started)
        port = try await PythonScript.waitForPort(of: started, script: "webhook_server.py")
    }

    /// The URL of `path` on the server.
    public func url(_ path: String = "/hook") -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// The requests accepted so far, in order.
    public func received() async throws -> [Received] {
        let (data, _) = try await URLSession.shared.data(from: url("/received"))
        return try JSONDecoder().decode([Received].self, from: data)
    }

    deinit {
        PythonScript.stop(process.process)
    }
}
