import Testing
import TocsinEval
@testable import TocsinReport

@Suite struct IndexPageTests {
    let report: NABEvaluationReport
    let page: String

    init() throws {
        report = try TinyReport.report()
        page = NABReportWriter.summaryPage(report)
    }

    @Test func hasEverySection() {
        for id in ["scores", "scoreboard", "detection", "distribution", "files"] {
            #expect(page.contains("<section id=\"\(id)\">"), "section \(id)")
        }
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<h1>NAB evaluation: toy&lt;detector&gt;</h1>"))
    }

    @Test func showsTheScoresPerProfile() throws {
        #expect(report.results.map(\.profile.name) == ["standard", "reward_low_FP_rate", "reward_low_FN_rate"])
        for result in report.results {
            #expect(page.contains("<td>\(result.profile.name)</td>"))
            #expect(page.contains("<td class=\"number\">\(NumberText.normalizedScore(result.normalizedScore))</td>"))
        }
        // One window, found at its 3rd of 10 rows, and three false positives far from it.
        let standard = try #require(report.results.first)
        #expect(standard.threshold == 0.9)
        #expect(page.contains("<td class=\"number\">\(NumberText.rawScore(standard.rawScore))</td>"))
        #expect(page.contains("2 files, 200 rows (170 scored), 1 anomaly windows. Run time 1.3 s."))
    }

    @Test func placesThisRunInThePublishedScoreboard() throws {
        let entries = ScoreboardEntry.entries(of: report)
        #expect(entries.count == NABScoreboardRow.published.count + 1)
        let own = try #require(entries.firstIndex { $0.isThisRun })
        let standards = entries.map { $0.scores[0] ?? 0 }
        #expect(standards == standards.sorted(by: >))
        #expect(entries[own].label == "toy<detector> (this run)")
        #expect(page.contains("<tr class=\"this-run\"><td>toy&lt;detector&gt; (this run)</td>"))
        for (name, figures) in [("ARTime", "74.9", "65.1", "80.4"), ("Windowed Gaussian", "39.6", "20.9", "47.4")]
            .map({ ($0.0, [$0.1, $0.2, $0.3]) }) {
            let cells = figures.map { "<td class=\"number\">\($0)</td>" }.joined()
            #expect(page.contains("<tr><td>\(name)</td>\(cells)</tr>"))
        }
        // Three bars per entry in the chart, each with a tooltip.
        #expect(occurrences(of: "class=\"bar\"", in: page) == 3 * entries.count)
        #expect(page.contains("<title>ARTime, standard: 74.9</title>"))
    }

    @Test func givesRowAndWindowMetrics() {
        // Rows: TP 2, FP 3, FN 8. Windows: TP 1, FP 2 (false alarms), FN 0.
        let rows = ["rows", "2", "3", "8", "0.400", "0.200", "0.267"]
        let windows = ["windows", "1", "2", "0", "0.333", "1.000", "0.500"]
        for line in [rows, windows] {
            let cells = "<td>\(line[0])</td>" + line.dropFirst().map { "<td class=\"number\">\($0)</td>" }.joined()
            #expect(page.contains(cells), "\(line[0])")
        }
        #expect(page.contains("<dt>Window level</dt>"))
    }

    @Test func chartsAreInlineSVG() {
        // The scoreboard and the two histograms of the score distribution.
        #expect(occurrences(of: "<svg ", in: page) == 3)
        #expect(occurrences(of: "class=\"threshold\"", in: page) == 2)
        #expect(page.contains("class=\"bin\""))
        #expect(!page.contains("<script"))
        #expect(!page.contains("src="))
        #expect(!page.contains("url("))
        #expect(occurrences(of: "http", in: page) == occurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", in: page))
    }

    @Test func listsAndLinksTheFilesWithEscapedNames() {
        #expect(page.contains("<a href=\"files/000-s-a.html\">a.csv</a>"))
        #expect(page.contains("<a href=\"files/001-s-b_x___q_.html\">b&lt;x&gt;&amp;&quot;q&quot;.csv</a>"))
        #expect(!page.contains("<x>"))
    }
}
