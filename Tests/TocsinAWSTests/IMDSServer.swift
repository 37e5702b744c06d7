import Foundation
import TocsinAWS
import TocsinTestServers

/// `Support/imds_server.py` running on 127.0.0.1, stopped when the value goes away.
final class IMDSServer {
    let process: Process
    let port: Int

    /// Starts the server with `arguments` and waits for the port it prints.
    init(_ arguments: [String] = []) throws {
        process = try PythonScript.start("imds_server.py", arguments)
        port = try PythonScript.port(of: process, script: "imds_server.py")
    }

    /// A transport to this server with `timeout`.
    func transport(timeout: TimeInterval = 1) -> URLSessionMetadataTransport {
        URLSessionMetadataTransport(endpoint: URL(string: "http://127.0.0.1:\(port)")!, timeout: timeout)
    }

    deinit {
        PythonScript.stop(process)
    }
}
