import Foundation
import TocsinAWS

/// `Support/scripted_server.py` on 127.0.0.1: the n-th request gets the n-th answer, later
/// ones the last; stopped when the value goes away.
public final class ScriptedServer {
    /// One scripted answer.
    public struct Answer: Encodable {
        public var status: Int
        public var body: String
        public var headers: [String: String]

        /// An answer with `status`, `body` and `headers`.
        public init(status: Int, body: String = "", headers: [String: String] = [:]) {
            self.status = status
            self.body = body
            self.headers = headers
        }
    }

    public let process: Process
    public let port: Int

    /// Starts the server with `answers`, or never answering when `hang`.
    public init(_ answers: [Answer], hang: Bool = false) async throws {
        let script = String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
        process = try PythonScript.start("scripted_server.py", [script] + (hang ? ["--hang"] : []))
        port = try await PythonScript.waitForPort(of: process, script: "scripted_server.py")
    }

    /// The server's base URL.
    public var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    deinit {
        PythonScript.stop(process)
    }
}
