import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `tocsin serve` (or `tocsin demo`) process started from the built binary, on a free port.
/// Unchecked `Sendable`: everything is set in `init`; afterwards the process is only
/// signalled, which is safe from any thread.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let output = Pipe()

    /// Starts `tocsin command --port 0 arguments` (`serve` unless told), with `environment`
    /// added to this process' own and its standard error written to `errorLog` (discarded
    /// when nil), and waits until it prints its URL (at most 30 s). What it prints afterwards
    /// is read and dropped, so that a full pipe never blocks it.
    init(arguments: [String], command: String = "serve", environment: [String: String] = [:], errorLog: URL? = nil) throws {
        process.executableURL = CLIProcess.executable
        process.arguments = [command, "--port", "0"] + arguments
        process.standardOutput = output
        if let errorLog {
            _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errorLog)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var text = ""
        var found: Int?
        while found == nil, Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { Thread.sleep(forTimeInterval: 0.05); continue }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                found = Int(text[range].split(separator: ":").last ?? "")
            }
        }
        guard let found else {
            process.terminate()
            throw URLError(.cannotConnectToHost)
        }
        port = found
        output.fileHandleForReading.readabilityHandler = { handle in
            if handle.availableData.isEmpty { handle.readabilityHandler = nil }
        }
    }

    /// Sends SIGKILL: no flush, no graceful shutdown.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Sends SIGTERM and waits for the graceful shutdown.
    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// POSTs a JSON body and returns the status code (0 when the connection failed).
    func post(_ path: String, json: String) async -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return 0 }
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// GETs a path and decodes the JSON object.
    func get(_ path: String) async throws -> [String: Any] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
