/// Where the scoreboard chart puts its rows and bars: one row per entry, each with one
/// horizontal bar per profile growing from 0 towards the entry's score. Shared by the SVG
/// chart and the summary image, so both draw the same picture.
struct ScoreboardLayout: Sendable {
    /// The entries, one row each, top to bottom.
    let entries: [ScoreboardEntry]
    /// The area of the bars (labels go to its left).
    let chart: PlotRect
    /// The height of one row.
    let rowHeight: Double
    /// The height of one bar.
    let barHeight: Double
    /// Score to x.
    let x: LinearScale

    /// A layout whose bar area starts at `origin` and is `width` wide.
    init(entries: [ScoreboardEntry], origin: (x: Double, y: Double), width: Double, rowHeight: Double, barHeight: Double) {
        self.entries = entries
        self.rowHeight = rowHeight
        self.barHeight = barHeight
        chart = PlotRect(x: origin.x, y: origin.y, width: width, height: rowHeight * Double(entries.count))
        let domain = ScoreboardEntry.domain(of: entries)
        x = LinearScale(domain: domain.lowerBound, domain.upperBound, range: chart.x, chart.right)
    }

    /// The band of row `index` across the bar area.
    func row(_ index: Int) -> PlotRect {
        PlotRect(x: chart.x, y: chart.y + rowHeight * Double(index), width: chart.width, height: rowHeight)
    }

    /// The bar of entry `index` under profile `profile`, or `nil` when the entry has no score for it.
    func bar(entry index: Int, profile: Int) -> PlotRect? {
        guard let score = entries[index].scores[profile], score.isFinite else { return nil }
        let band = row(index)
        let top = band.y + (rowHeight - barHeight * Double(ScoreboardEntry.profileNames.count)) / 2
            + barHeight * Double(profile)
        let start = x(min(score, 0))
        return PlotRect(x: start, y: top, width: x(max(score, 0)) - start, height: barHeight)
    }

    /// The axis ticks: every multiple of 20 in the score range.
    var ticks: [Double] {
        let low = (x.domain.low / 20).rounded(.up) * 20
        return Array(stride(from: low, through: x.domain.high, by: 20))
    }
}
