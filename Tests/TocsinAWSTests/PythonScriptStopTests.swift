import Foundation
import Testing
import TocsinTestServers

@Suite("Test servers stop")
struct PythonScriptStopTests {
    @Test("stop() ends a process that ignores SIGTERM and its standard input, with SIGKILL after two seconds",
          .enabled(if: QuietPhase.enabled, "times a wall-clock bound: runs in the quiet phase of scripts/test"))
    func killsStubbornProcess() async throws {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print(0, flush=True); time.sleep(60)"]
        process.standardInput = Pipe()
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        _ = try PythonScript.port(of: process, script: "stubborn")
        let started = Date()
        let stubborn = StubbornProcess(process: process)
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                PythonScript.stop(stubborn.process)
                continuation.resume()
            }
        }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("the test servers exit by themselves when their standard input closes")
    func serversExitOnClosedInput() async throws {
        let server = try await ScriptedServer([.init(status: 200)])
        try (server.process.standardInput as? Pipe)?.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while server.process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!server.process.isRunning)
        #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0)
    }
}

/// The process of ``PythonScriptStopTests/killsStubbornProcess()``, stopped on a Dispatch
/// thread so that the two-second wait holds none of the threads tests run on.
private struct StubbornProcess: @unchecked Sendable {
    let process: Process
}
