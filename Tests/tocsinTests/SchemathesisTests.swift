import Foundation
import Testing

/// Property-based API testing: schemathesis generates requests from `/openapi.json`
/// (valid and invalid ones) against the live server; none may get a 5xx.
@Suite("schemathesis against tocsin serve")
struct SchemathesisTests {
    @Test("no generated request gets a server error")
    func noServerErrors() throws {
        let folder = try TemporaryFolder()
        let server = try ServerProcess(arguments: ["--store", "sqlite:" + folder.url.appendingPathComponent("t.sqlite").path,
                                                   "--detector", "windowed-gaussian"])
        defer { server.stop() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["schemathesis", "run", "http://127.0.0.1:\(server.port)/openapi.json",
                             "--checks", "not_a_server_error", "--max-examples", "40", "--seed", "1", "--no-color"]
        process.currentDirectoryURL = folder.url
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "schemathesis (scripts/test installs it with pip):\n\(text.suffix(4_000))")
        #expect(text.contains("passed"))
    }
}
