import TocsinEval

/// The summary page's essentials as a picture: the detector, the corpus, the three
/// normalized scores and the scoreboard bar chart.
enum SummaryImage {
    /// The image width in pixels.
    static let width = 1080
    /// The space around the content.
    static let margin = 24

    /// Where the scoreboard chart of `entries` lies in the image.
    static func layout(_ entries: [ScoreboardEntry]) -> ScoreboardLayout {
        ScoreboardLayout(entries: entries, origin: (372, 226), width: 540, rowHeight: 30, barHeight: 8)
    }

    /// The image of `report`.
    static func render(_ report: NABEvaluationReport) -> RasterImage {
        let entries = ScoreboardEntry.entries(of: report)
        let layout = layout(entries)
        var image = RasterImage(width: width, height: Int(layout.chart.bottom) + 44, background: ReportPalette.background)
        let corpus = report.corpus
        image.text("NAB evaluation: " + report.detector, x: margin, y: margin, scale: 3, color: ReportPalette.ink)
        let facts = "\(NumberText.count(corpus.files.count)) files, \(NumberText.count(corpus.rowCount)) rows, "
            + "\(NumberText.count(corpus.windowCount)) windows, run time \(NumberText.seconds(report.seconds))"
        image.text(facts, x: margin, y: margin + 36, scale: 2, color: ReportPalette.mutedInk)
        let own = entries.first(where: \.isThisRun)
        for (index, name) in ScoreboardEntry.profileNames.enumerated() {
            let top = margin + 72 + index * 26
            image.fill(x: margin, y: top, width: 16, height: 16, color: ReportPalette.profiles[index])
            let padded = name + String(repeating: " ", count: max(0, 20 - name.count))
            image.text(padded + (own?.scoreText(index) ?? NumberText.undefined), x: margin + 26, y: top, scale: 2,
                       color: ReportPalette.ink)
            if let result = report.results.first(where: { $0.profile.name == name }) {
                image.text("threshold " + NumberText.threshold(result.threshold), x: margin + 400, y: top + 4,
                           color: ReportPalette.mutedInk)
            }
        }
        image.text("Beside the published NAB scoreboard", x: margin, y: Int(layout.chart.y) - 34, scale: 2,
                   color: ReportPalette.ink)
        ScoreboardRaster.draw(layout, labelsFrom: margin, on: &image)
        return image
    }
}
