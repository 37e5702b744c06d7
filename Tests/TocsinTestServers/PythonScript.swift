import Foundation

/// Runs the Python scripts in `Support/` with the `python3` on `PATH`.
public enum PythonScript {
    /// Why a script could not be run or failed.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        /// A failure described by `description`.
        public init(description: String) { self.description = description }
    }

    /// The folder that holds the scripts.
    public static let folder = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Support")

    /// A process running `python3 Support/script arguments`, started, with standard input,
    /// output and error piped.
    public static func start(_ script: String, _ arguments: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", "-u", folder.appending(path: script).path] + arguments
        process.standardInput = Pipe()
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    /// The standard output of `python3 Support/script arguments`; throws with the script's
    /// standard error when it exits non-zero (python3 missing exits 127, botocore missing 2).
    public static func output(_ script: String, _ arguments: [String] = []) throws -> Data {
        let process = try start(script, arguments)
        let output = try pipe(process.standardOutput).readToEnd() ?? Data()
        let errors = try pipe(process.standardError).readToEnd() ?? Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let hint = process.terminationStatus == 127 ? " (is python3 on PATH?)" : ""
            throw Failure(
                description: "python3 \(script) exited with \(process.terminationStatus)\(hint): "
                    + String(decoding: errors, as: UTF8.self)
            )
        }
        return output
    }

    /// The port a server script started by ``start(_:_:)`` prints as its first line; throws
    /// with the script's standard error when it stops before printing one.
    public static func port(of process: Process, script: String) throws -> Int {
        let output = try pipe(process.standardOutput)
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.availableData
            guard !chunk.isEmpty else {
                let errors = try pipe(process.standardError).readToEnd() ?? Data()
                throw Failure(description: "\(script) stopped early: " + String(decoding: errors, as: UTF8.self))
            }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "\(script) printed no port")
        }
        return port
    }

    /// ``port(of:script:)`` read on a Dispatch thread, so that a slow-starting server does not
    /// hold one of the few threads Swift concurrency runs tests on.
    public static func waitForPort(of process: Process, script: String) async throws -> Int {
        let reader = UncheckedProcess(process: process)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try port(of: reader.process, script: script) })
            }
        }
    }

    /// A `Process` handed to the one Dispatch thread that reads its output.
    private struct UncheckedProcess: @unchecked Sendable {
        let process: Process
    }

    /// Stops a script started by ``start(_:_:)``: closes its standard input (the scripts exit
    /// then), sends SIGTERM, and SIGKILL if it is still running after two seconds.
    public static func stop(_ process: Process) {
        try? (process.standardInput as? Pipe)?.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(2)
        if process.isRunning { process.terminate() }
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The file handle reading `pipe`, which must be a `Pipe` set by ``start(_:_:)``.
    public static func pipe(_ pipe: Any?) throws -> FileHandle {
        guard let pipe = pipe as? Pipe else { throw Failure(description: "process output is not a pipe") }
        return pipe.fileHandleForReading
    }
}
