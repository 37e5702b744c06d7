/// The scoreboard as a bar chart: one row per detector (this run highlighted), one bar per
/// profile, with a legend and a score axis.
enum ScoreboardChart {
    /// The chart's width in pixels.
    static let width = 780

    /// The chart as an SVG element.
    static func svg(_ entries: [ScoreboardEntry]) -> String {
        let layout = ScoreboardLayout(
            entries: entries, origin: (230, 30), width: Double(width) - 230 - 24, rowHeight: 28, barHeight: 7)
        let height = Int(layout.chart.bottom) + 30
        var canvas = SVGCanvas(width: width, height: height, label: "NAB scores of this run beside the published scoreboard")
        for (profile, name) in ScoreboardEntry.profileNames.enumerated() {
            let left = layout.chart.x + Double(profile) * 180
            canvas.rect(PlotRect(x: left, y: 8, width: 12, height: 12), fill: ReportPalette.profiles[profile])
            canvas.text(name, at: (left + 18, 18))
        }
        for (index, entry) in entries.enumerated() where entry.isThisRun {
            var band = layout.row(index)
            band.x = 0
            band.width = Double(width)
            canvas.rect(band, fill: ReportPalette.highlight, className: "this-run")
        }
        for tick in layout.ticks {
            let position = layout.x(tick)
            canvas.line(
                from: (position, layout.chart.y), to: (position, layout.chart.bottom),
                stroke: tick == 0 ? ReportPalette.ink : ReportPalette.grid)
            canvas.text(NumberText.axis(tick), at: (position, layout.chart.bottom + 16), anchor: .middle, size: 10)
        }
        for (index, entry) in entries.enumerated() {
            let band = layout.row(index)
            canvas.text(entry.label, at: (layout.chart.x - 10, band.center.y + 4), anchor: .end, size: 12)
            for profile in ScoreboardEntry.profileNames.indices {
                guard let bar = layout.bar(entry: index, profile: profile) else { continue }
                canvas.rect(
                    bar, fill: ReportPalette.profiles[profile], className: "bar",
                    tooltip: "\(entry.label), \(ScoreboardEntry.profileNames[profile]): \(entry.scoreText(profile))")
            }
        }
        return canvas.markup
    }
}
