import Foundation
import TocsinCore
import TocsinStore

/// Anomalies per ten minutes over the last hours before `end`, as an SVG bar chart drawn on
/// the server (so it shows without JavaScript), with a text summary.
struct AnomalyRateChart {
    let anomalies: [AnomalyRecord]
    let end: Date
    let hours: Int

    /// The chart and its summary.
    func render() -> String {
        let bucketSeconds = 600.0
        let count = hours * 6
        let start = end.addingTimeInterval(-Double(hours) * 3_600)
        var buckets = [Int](repeating: 0, count: count)
        for record in anomalies {
            let offset = record.anomaly.timestamp.timeIntervalSince(start)
            guard offset >= 0 else { continue }
            buckets[min(count - 1, Int(offset / bucketSeconds))] += 1
        }
        let highest = max(1, buckets.max() ?? 1)
        let width = 720.0, height = 140.0, plot = 110.0
        let barWidth = width / Double(count)
        var bars = ""
        for (index, value) in buckets.enumerated() {
            let barHeight = plot * Double(value) / Double(highest)
            let from = start.addingTimeInterval(Double(index) * bucketSeconds)
            bars += "<rect x=\"\(HTML.number(Double(index) * barWidth + 1))\" y=\"\(HTML.number(plot - barHeight))\" "
                + "width=\"\(HTML.number(barWidth - 2))\" height=\"\(HTML.number(barHeight))\" data-count=\"\(value)\">"
                + "<title>\(UTCTimestamp.format(from.timeIntervalSince1970.rounded(.down))): \(value) anomalies</title></rect>"
        }
        let total = buckets.reduce(0, +)
        let labels = [(0.0, start, "start"), (width / 2, start.addingTimeInterval(Double(hours) * 1_800), "middle"), (width, end, "end")]
            .map { label -> String in "<text x=\"\(HTML.number(label.0))\" y=\"\(HTML.number(height - 6))\" text-anchor=\"\(label.2)\">\(Self.clock(label.1))</text>" }
            .joined()
        return """
        <svg class="rate" viewBox="0 0 \(HTML.number(width)) \(HTML.number(height))" role="img" \
        aria-label="\(total) anomalies in the \(hours) hours up to \(UTCTimestamp.iso8601(end.timeIntervalSince1970.rounded(.down))), highest \(highest) per ten minutes">\
        <text x="0" y="10" class="axis">\(highest) / 10 min</text>\(bars)<line x1="0" x2="\(HTML.number(width))" y1="\(HTML.number(plot))" \
        y2="\(HTML.number(plot))" class="axis-line"/>\(labels)</svg>
        <p>\(total) anomalies in the last \(hours) hours of data (\(HTML.number(Double(total) / Double(hours), digits: 1)) per hour).</p>
        """
    }

    /// `HH:MM` in UTC.
    private static func clock(_ date: Date) -> String {
        String(UTCTimestamp.format(date.timeIntervalSince1970.rounded(.down)).dropFirst(11).prefix(5))
    }
}
