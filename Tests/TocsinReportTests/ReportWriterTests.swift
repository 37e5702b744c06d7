import Foundation
import Testing
import TocsinEval
@testable import TocsinReport

@Suite struct ReportWriterTests {
    @Test func writesTheSummaryTheFilePagesAndThePicture() throws {
        let folder = NSTemporaryDirectory() + "tocsin-report-tests-" + UUID().uuidString + "/report"
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let report = try TinyReport.report()
        let written = try NABReportWriter.write(report, to: folder)
        #expect(written == [
            folder + "/index.html", folder + "/files/000-s-a.html", folder + "/files/001-s-b_x___q_.html",
            folder + "/summary.png",
        ])
        let index = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        #expect(index == NABReportWriter.summaryPage(report))
        let page = try String(contentsOfFile: folder + "/files/000-s-a.html", encoding: .utf8)
        #expect(page == NABReportWriter.filePage(report, key: "s/a.csv"))
        let png = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/summary.png")))
        #expect(try DecodedPNG(png).width == SummaryImage.width)
        // Writing again replaces the files.
        #expect(try NABReportWriter.write(report, to: folder).count == 4)
    }

    @Test func failuresNameThePath() throws {
        let report = try TinyReport.report()
        #expect(throws: NABError.self) { try NABReportWriter.write(report, to: "/proc/tocsin-report") }
    }
}
