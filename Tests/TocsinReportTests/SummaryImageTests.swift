import Testing
import TocsinEval
@testable import TocsinReport

@Suite struct SummaryImageTests {
    @Test func theSummaryPNGShowsTheBarsWhereTheLayoutPutsThem() throws {
        let report = try TinyReport.report()
        let decoded = try DecodedPNG(NABReportWriter.summaryImage(report))
        let entries = ScoreboardEntry.entries(of: report)
        let layout = SummaryImage.layout(entries)
        #expect(decoded.width == SummaryImage.width)
        #expect(decoded.height == Int(layout.chart.bottom) + 44)
        let background = [UInt8](repeating: 255, count: 3)
        func color(_ rgb: RGBColor) -> [UInt8] { [rgb.red, rgb.green, rgb.blue] }
        var checked = 0
        for (index, entry) in entries.enumerated() {
            for profile in 0..<3 {
                guard let score = entry.scores[profile], score > 1 else { continue }
                let bar = try #require(layout.bar(entry: index, profile: profile))
                let middle = decoded.pixel(x: Int(bar.center.x), y: Int(bar.center.y))
                #expect(middle == color(ReportPalette.profiles[profile]), "\(entry.label) \(profile)")
                checked += 1
            }
        }
        #expect(checked >= 3 * (entries.count - 2))
        // Past the end of this run's standard bar lies its highlighted row, not a bar.
        let own = try #require(entries.firstIndex { $0.isThisRun })
        let ownBar = try #require(layout.bar(entry: own, profile: 0))
        #expect(decoded.pixel(x: Int(ownBar.right) + 3, y: Int(ownBar.center.y)) == color(ReportPalette.highlight))
        // Nothing is drawn in the bottom-right corner, and the title is inked.
        #expect(decoded.pixel(x: decoded.width - 2, y: decoded.height - 2) == background)
        let titleInk = (24..<48).contains { y in (24..<400).contains { x in decoded.pixel(x: x, y: y) == color(ReportPalette.ink) } }
        #expect(titleInk)
    }
}
