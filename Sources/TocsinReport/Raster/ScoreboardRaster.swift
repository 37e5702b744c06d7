/// Paints the scoreboard bar chart of a ``ScoreboardLayout`` into a ``RasterImage``: this
/// run's row highlighted, grid lines and axis labels, each entry's name on the left, its
/// bars, and its three scores on the right.
enum ScoreboardRaster {
    /// Draws `layout` on `image`, with the entry names starting at x = `labelsFrom`.
    static func draw(_ layout: ScoreboardLayout, labelsFrom labelX: Int, on image: inout RasterImage) {
        let chart = layout.chart
        for (index, entry) in layout.entries.enumerated() where entry.isThisRun {
            var band = layout.row(index)
            band.x = 0
            band.width = Double(image.width)
            image.fill(band, color: ReportPalette.highlight)
        }
        let top = Int(chart.y.rounded())
        let bottom = Int(chart.bottom.rounded())
        for tick in layout.ticks {
            let x = Int(layout.x(tick).rounded())
            image.line(from: (x, top), to: (x, bottom), color: tick == 0 ? ReportPalette.ink : ReportPalette.grid)
            let label = NumberText.axis(tick)
            image.text(label, x: x - BitmapFont.width(of: label, scale: 2) / 2, y: bottom + 8, scale: 2,
                       color: ReportPalette.ink)
        }
        let glyphHeight = BitmapFont.glyphHeight * 2
        for (index, entry) in layout.entries.enumerated() {
            let band = layout.row(index)
            let textTop = Int(band.center.y.rounded()) - glyphHeight / 2 + 1
            image.text(entry.label, x: labelX, y: textTop, scale: 2, color: ReportPalette.ink)
            for profile in ScoreboardEntry.profileNames.indices {
                if let bar = layout.bar(entry: index, profile: profile) {
                    image.fill(bar, color: ReportPalette.profiles[profile])
                }
            }
            let scores = ScoreboardEntry.profileNames.indices.map(entry.scoreText).joined(separator: " / ")
            image.text(scores, x: Int(chart.right) + 12, y: textTop + 4, color: ReportPalette.mutedInk)
        }
    }
}
