import Foundation
import Testing
@testable import TocsinServer

@Suite("OpenAPI document")
struct OpenAPIValidationTests {
    @Test("openapi-spec-validator accepts the document")
    func validates() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-openapi-\(UUID().uuidString).json")
        try Data(OpenAPIDocument.json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "openapi_spec_validator", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openapi-spec-validator: \(text) (scripts/test installs it with pip)")
    }
}
