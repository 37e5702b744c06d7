import Foundation
import TocsinCore
import TocsinPipeline
import TocsinStore

/// `/series/{id}`: the series explorer. The chart (values above, the anomaly score and its
/// threshold below, anomalies marked; zoom and hover) is drawn by the script from
/// `/v1/series/{id}/points` downsampled to the chart's width; the anomalies of the range are a
/// server-rendered table.
struct SeriesPage {
    let record: SeriesRecord
    let analysis: SeriesAnalysis?
    let from: Date
    let to: Date
    /// Whether the range follows the newest data (no range asked for).
    let follows: Bool
    /// Points to ask the API for (`max`); nil lets the script pick from the chart's width.
    let maximum: Int?
    let anomalies: [AnomalyRecord]

    /// The page's content.
    func render() -> String {
        let latest = analysis.map {
            "Latest \(HTML.time($0.timestamp)): value \(HTML.number($0.value)), score \(HTML.number($0.score)) "
                + "(threshold \(HTML.number($0.threshold)), \(HTML.escape($0.detector))), \(HTML.badge($0.anomalous ? "anomalous" : "ok", kind: $0.anomalous ? "anomalous" : "ok"))"
        } ?? "Not scored yet."
        let rows = anomalies.map { record -> (attributes: String, cells: [String]) in
            ("data-anomaly=\"\(record.id)\" data-timestamp=\"\(HTML.number(record.anomaly.timestamp.timeIntervalSince1970))\"",
             [HTML.time(record.anomaly.timestamp), HTML.number(record.anomaly.value), HTML.number(record.anomaly.score),
              HTML.number(record.anomaly.threshold), HTML.escape(record.anomaly.detector),
              record.incident.map { "<a href=\"/incidents/\($0)\">#\($0)</a>" } ?? ""])
        }
        let iso = { (date: Date) in UTCTimestamp.iso8601(date.timeIntervalSince1970.rounded(.down)) }
        return """
        <p>\(latest)</p>
        <form class="filters" method="get" aria-label="Time range">
        <label>From <input name="from" value="\(iso(from))" size="20"></label>
        <label>To <input name="to" value="\(iso(to))" size="20"></label>
        <button type="submit">Show</button>
        <a href="/series/\(record.id)">Latest 6 hours</a>
        </form>
        <div class="chart-controls needs-js" role="group" aria-label="Chart range">
        <button type="button" data-zoom="in">Zoom in</button>
        <button type="button" data-zoom="out">Zoom out</button>
        <button type="button" data-pan="-1">Earlier</button>
        <button type="button" data-pan="1">Later</button>
        <button type="button" data-zoom="reset">Reset</button>
        <span class="hint">Drag across the chart to zoom; hover or use the arrow keys on it for exact values.</span>
        </div>
        <figure class="chart needs-js" id="chart" tabindex="0" data-series="\(record.id)" \
        data-from="\(HTML.number(from.timeIntervalSince1970))" data-to="\(HTML.number(to.timeIntervalSince1970))" \
        data-follow="\(follows ? 1 : 0)" data-max="\(maximum ?? 0)" aria-label="Values and anomaly scores of \(HTML.escape(record.key.description))">
        <figcaption id="chart-caption">Loading the chart…</figcaption>
        </figure>
        <noscript><p>The chart needs JavaScript; the anomalies of the range are listed below.</p></noscript>
        <section aria-labelledby="anomalies-heading" data-live="series-anomalies">
        <h2 id="anomalies-heading">Anomalies in this range</h2>
        \(HTML.table(caption: "Points whose score reached the threshold", headers: ["Time", "Value", "Score", "Threshold", "Detector", "Incident"],
                     rows: rows, empty: "No anomaly in this range."))
        </section>
        """
    }
}
