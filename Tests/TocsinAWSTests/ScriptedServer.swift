import Foundation
import TocsinAWS

/// `Support/scripted_server.py` on 127.0.0.1: the n-th request gets the n-th answer, later
/// ones the last; stopped when the value goes away.
final class ScriptedServer {
    /// One scripted answer.
    struct Answer: Encodable {
        var status: Int
        var body: String = ""
        var headers: [String: String] = [:]
    }

    let process: Process
    let port: Int

    /// Starts the server with `answers`, or never answering when `hang`.
    init(_ answers: [Answer], hang: Bool = false) async throws {
        let script = String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
        process = try PythonScript.start("scripted_server.py", [script] + (hang ? ["--hang"] : []))
        port = try await PythonScript.waitForPort(of: process, script: "scripted_server.py")
    }

    /// The server's base URL.
    var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    deinit {
        PythonScript.stop(process)
    }
}
