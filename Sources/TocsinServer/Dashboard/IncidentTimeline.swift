import Foundation
import TocsinCore

/// Incidents over time as an SVG drawn on the server: one lane per incident, a bar from its
/// first to its latest anomaly, each a link to the incident.
struct IncidentTimeline {
    let incidents: [Incident]

    /// The SVG, or nothing when there is no incident.
    func render() -> String {
        guard let first = incidents.map(\.start).min(), let last = incidents.map(\.end).max() else { return "" }
        let ordered = incidents.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        let span = max(60, last.timeIntervalSince(first))
        let from = first.addingTimeInterval(-span * 0.02), to = last.addingTimeInterval(span * 0.02)
        let width = 960.0, lane = 22.0, top = 8.0, left = 0.0
        let height = top + lane * Double(ordered.count) + 28
        func x(_ date: Date) -> Double { left + (width - left) * date.timeIntervalSince(from) / to.timeIntervalSince(from) }
        var bars = ""
        for (index, incident) in ordered.enumerated() {
            let y = top + lane * Double(index)
            let start = x(incident.start)
            let barWidth = max(4, x(incident.end) - start)
            let label = "#\(incident.id) \(IncidentRows.scope(incident))"
            // The label after the bar, else before it, else inside it.
            let placement: (x: Double, anchor: String, inside: Bool) =
                start + barWidth + 4 < width - 220 ? (start + barWidth + 4, "start", false)
                : start > 220 ? (start - 4, "end", false) : (start + 4, "start", true)
            let labelText = "<text x=\"\(HTML.number(placement.x, digits: 1))\" y=\"\(HTML.number(y + lane - 10, digits: 1))\" "
                + "text-anchor=\"\(placement.anchor)\"\(placement.inside ? " class=\"inside\"" : "")>"
            bars += "<a href=\"/incidents/\(incident.id)\" data-incident=\"\(incident.id)\"><rect class=\"bar \(incident.status.rawValue)\" "
                + "x=\"\(HTML.number(start, digits: 1))\" y=\"\(HTML.number(y, digits: 1))\" width=\"\(HTML.number(barWidth, digits: 1))\" "
                + "height=\"\(HTML.number(lane - 6))\"><title>\(HTML.escape(label)): \(incident.anomalyCount) anomalies, "
                + "\(UTCTimestamp.format(incident.start.timeIntervalSince1970.rounded(.down))) to "
                + "\(UTCTimestamp.format(incident.end.timeIntervalSince1970.rounded(.down)))</title></rect>"
                + labelText
                + "\(HTML.escape(label))</text></a>"
        }
        var ticks = ""
        for step in 0...4 {
            let date = from.addingTimeInterval(to.timeIntervalSince(from) * Double(step) / 4)
            let anchor = step == 0 ? "start" : step == 4 ? "end" : "middle"
            ticks += "<text class=\"axis\" x=\"\(HTML.number(x(date), digits: 1))\" y=\"\(HTML.number(height - 8))\" text-anchor=\"\(anchor)\">"
                + "\(UTCTimestamp.format(date.timeIntervalSince1970.rounded(.down)).dropFirst(5).prefix(11))</text>"
        }
        return """
        <svg class="timeline" viewBox="0 0 \(HTML.number(width)) \(HTML.number(height))" role="img" \
        aria-label="\(ordered.count) incidents from \(UTCTimestamp.iso8601(first.timeIntervalSince1970.rounded(.down))) \
        to \(UTCTimestamp.iso8601(last.timeIntervalSince1970.rounded(.down)))">\(bars)\(ticks)</svg>
        """
    }
}
