import Foundation
import TocsinAWS

/// `Support/imds_server.py` running on 127.0.0.1, stopped when the value goes away.
final class IMDSServer {
    let process: Process
    let port: Int

    /// Starts the server with `arguments` and waits for the port it prints.
    init(_ arguments: [String] = []) throws {
        process = try PythonScript.start("imds_server.py", arguments)
        let output = try PythonScript.pipe(process.standardOutput)
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.availableData
            guard !chunk.isEmpty else {
                let errors = try PythonScript.pipe(process.standardError).readToEnd() ?? Data()
                throw PythonScript.Failure(description: "imds_server.py stopped early: " + String(decoding: errors, as: UTF8.self))
            }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw PythonScript.Failure(description: "imds_server.py printed no port")
        }
        self.port = port
    }

    /// A transport to this server with `timeout`.
    func transport(timeout: TimeInterval = 1) -> URLSessionMetadataTransport {
        URLSessionMetadataTransport(endpoint: URL(string: "http://127.0.0.1:\(port)")!, timeout: timeout)
    }

    deinit {
        try? (process.standardInput as? Pipe)?.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }
}
