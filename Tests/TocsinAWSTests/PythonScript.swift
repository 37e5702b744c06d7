import Foundation
import Testing

/// Runs the Python scripts in `Support/` with the `python3` on `PATH`.
enum PythonScript {
    /// Why a script could not be run or failed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The folder that holds the scripts.
    static let folder = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Support")

    /// A process running `python3 Support/script arguments`, started, with standard input,
    /// output and error piped.
    static func start(_ script: String, _ arguments: [String] = []) throws -> Process {
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
    static func output(_ script: String, _ arguments: [String] = []) throws -> Data {
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

    /// The file handle reading `pipe`, which must be a `Pipe` set by ``start(_:_:)``.
    static func pipe(_ pipe: Any?) throws -> FileHandle {
        guard let pipe = pipe as? Pipe else { throw Failure(description: "process output is not a pipe") }
        return pipe.fileHandleForReading
    }
}
