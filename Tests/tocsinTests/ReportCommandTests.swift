import Foundation
import Testing

@Suite("tocsin report")
struct ReportCommandTests {
    @Test("writes the summary page, a page per file and a PNG")
    func writesReport() throws {
        let folder = try TemporaryFolder()
        let corpus = try TinyCorpus.make(in: folder)
        let out = folder.url.appendingPathComponent("report").path
        let outcome = try CLIProcess.run(["report", "--corpus", corpus.path, "--detector", "windowed-gaussian", "--out", out])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("windowed-gaussian"))
        #expect(index.contains("<svg"))
        #expect(index.contains("ARTime"))
        let png = try Data(contentsOf: URL(fileURLWithPath: out + "/summary.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let files = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".html") }
        #expect(files.count == 3, "\(files)")
    }

    @Test("an unknown detector is a usage error")
    func unknownDetector() throws {
        let folder = try TemporaryFolder()
        let corpus = try TinyCorpus.make(in: folder)
        let outcome = try CLIProcess.run(["report", "--corpus", corpus.path, "--detector", "nope", "--out", folder.url.path + "/r"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("nope"))
    }
}
