import Testing
import TocsinEval
@testable import TocsinReport

@Suite struct FilePageTests {
    let report: NABEvaluationReport

    init() throws {
        report = try TinyReport.report()
    }

    @Test func showsTheFilesMetricsAndPlots() throws {
        let page = try #require(NABReportWriter.filePage(report, key: "s/a.csv"))
        for id in ["metrics", "series", "score", "distribution", "definitions"] {
            #expect(page.contains("<section id=\"\(id)\">"), "section \(id)")
        }
        #expect(occurrences(of: "<svg ", in: page) == 4)
        // The window and the probation period are shaded in the value and in the score plot.
        #expect(occurrences(of: "class=\"window\"", in: page) == 2)
        #expect(occurrences(of: "class=\"probation\"", in: page) == 2)
        // Rows 52, 53, 80 and 81 are detections, each in its own pixel column; row 5 lies in probation.
        #expect(occurrences(of: "class=\"detection\"", in: page) == 4)
        #expect(occurrences(of: "class=\"series\"", in: page) == 1)
        #expect(occurrences(of: "class=\"score\"", in: page) == 1)
        // In the score plot and in both histograms.
        #expect(occurrences(of: "class=\"threshold\"", in: page) == 3)
        // a.csv alone: rows TP 2, FP 2, FN 8; windows TP 1, FP 1, FN 0.
        #expect(page.contains("<td>rows</td><td class=\"number\">2</td><td class=\"number\">2</td><td class=\"number\">8</td>"
            + "<td class=\"number\">0.500</td><td class=\"number\">0.200</td><td class=\"number\">0.286</td>"))
        #expect(page.contains("<td>windows</td><td class=\"number\">1</td><td class=\"number\">1</td><td class=\"number\">0</td>"
            + "<td class=\"number\">0.500</td><td class=\"number\">1.000</td><td class=\"number\">0.667</td>"))
        #expect(page.contains("<a href=\"../index.html\">summary</a>"))
        #expect(page.contains("next: b&lt;x&gt;&amp;&quot;q&quot;.csv"))
    }

    @Test func escapesTheFileName() throws {
        let page = try #require(NABReportWriter.filePage(report, key: "s/" + TinyReport.oddName))
        #expect(page.contains("<h1>b&lt;x&gt;&amp;&quot;q&quot;.csv</h1>"))
        #expect(page.contains("<title>s/b&lt;x&gt;&amp;&quot;q&quot;.csv · toy&lt;detector&gt;</title>"))
        #expect(!page.contains("<x>"))
        #expect(occurrences(of: "class=\"window\"", in: page) == 0)
        #expect(occurrences(of: "class=\"detection\"", in: page) == 1)
        #expect(NABReportWriter.filePage(report, key: "s/missing.csv") == nil)
    }

    @Test func theSpikeOfALongSeriesIsPlotted() throws {
        let rows = 20_000
        var values = [Double](repeating: 0, count: rows)
        values[12_345] = 1_000
        let file = try NABFile(
            category: "s", name: "long.csv", timestamps: (0..<rows).map { Double($0) * 60 }, values: values,
            windows: [12_000...12_500])
        let corpus = try NABCorpus(root: "memory", files: [file])
        let scores = [file.key: [Double](repeating: 0, count: rows)]
        let results = try NABScorer(corpus: corpus).evaluate(scores: scores)
        let report = try NABEvaluationReport(detector: "d", corpus: corpus, scores: scores, results: results, seconds: 0)
        // Detecting every row costs more than missing the window, so nothing is detected.
        #expect(report.threshold == 1.1)
        let svg = ValuePlot.svg(try #require(report.fileEvaluations.first))
        // The plot area runs from y 12 to 232; the values span 0...1000 with 5 % padding, so
        // 1000 lies at 232 − 220 · 1050/1100 = 22.0 and 0 at 232 − 220 · 50/1100 = 222.0.
        let series = try #require(svg.split(separator: "\n").first { $0.contains("class=\"series\"") })
        #expect(series.contains(" 22.0L"))
        #expect(series.contains(" 222.0L"))
        let columns = SeriesFrame(file: file, height: ValuePlot.height, top: 12, bottom: 28).columns
        #expect(occurrences(of: "L", in: String(series)) < 2 * columns)
        #expect(!svg.contains("class=\"detection\""))
    }
}
