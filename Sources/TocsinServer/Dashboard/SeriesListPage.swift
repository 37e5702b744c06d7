import Foundation
import TocsinPipeline
import TocsinStore

/// `/series`: every series, filtered by text and paged on the server, with its latest verdict.
struct SeriesListPage {
    let series: [SeriesRecord]
    let analyses: [Int64: SeriesAnalysis]
    let match: String?
    let page: Int
    /// Series per page.
    static let pageSize = 50

    /// The page's content.
    func render() -> String {
        let pages = max(1, (series.count + Self.pageSize - 1) / Self.pageSize)
        let shown = series.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)
        let rows = shown.map { record -> (attributes: String, cells: [String]) in
            let analysis = analyses[record.id]
            let verdict = analysis.map { $0.anomalous ? "anomalous" : "ok" } ?? "not scored"
            return ("data-series-id=\"\(record.id)\"",
                    ["<a href=\"/series/\(record.id)\">\(HTML.escape(record.key.description))</a>",
                     analysis.map { HTML.number($0.value) } ?? "", analysis.map { HTML.number($0.score) } ?? "",
                     analysis.map { HTML.number($0.threshold) } ?? "", HTML.badge(verdict, kind: verdict == "not scored" ? "muted" : verdict),
                     analysis.map { HTML.time($0.timestamp) } ?? "", analysis.map { String($0.pointsSeen) } ?? "0"])
        }
        var pager = "<nav class=\"pager\" aria-label=\"Pages\">"
        if page > 1 { pager += "<a rel=\"prev\" href=\"\(HTML.escape("/series" + HTML.query([("q", match), ("page", String(page - 1))])))\">Previous</a> " }
        pager += "<span>page \(page) of \(pages), \(series.count) series</span>"
        if page < pages { pager += " <a rel=\"next\" href=\"\(HTML.escape("/series" + HTML.query([("q", match), ("page", String(page + 1))])))\">Next</a>" }
        pager += "</nav>"
        return """
        <form class="filters" method="get" role="search" aria-label="Find series">
        <label>Series containing <input name="q" type="search" value="\(HTML.escape(match ?? ""))" placeholder="cpu, service=&quot;api&quot;"></label>
        <button type="submit">Find</button>
        </form>
        <section aria-labelledby="series-heading" data-live="series">
        <h2 id="series-heading" class="visually-hidden">Series list</h2>
        \(HTML.table(caption: "Series in key order with their latest value and score; open one to explore it",
                     headers: ["Series", "Value", "Score", "Threshold", "Verdict", "Latest point", "Points scored"], rows: rows,
                     empty: match == nil ? "No series yet." : "No series matches."))
        \(pager)
        </section>
        """
    }
}
