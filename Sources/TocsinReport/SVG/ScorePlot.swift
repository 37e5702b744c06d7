/// The plot of one file's anomaly scores on [0, 1], aligned with its ``ValuePlot``, with the
/// detection threshold as a dashed line.
enum ScorePlot {
    /// The plot's height in pixels.
    static let height = 150

    /// The plot as an SVG element.
    static func svg(_ evaluation: FileEvaluation) -> String {
        let file = evaluation.file
        let frame = SeriesFrame(file: file, height: height, top: 20, bottom: 28)
        var canvas = SVGCanvas(
            width: SeriesFrame.width, height: height, label: "anomaly scores of \(file.key) with the threshold")
        frame.drawBands(on: &canvas)
        let y = LinearScale(domain: 0, 1, range: frame.plot.bottom, frame.plot.y)
        frame.drawValueAxis(on: &canvas, y: y, ticks: [0, 0.5, 1])
        var path = SVGPath()
        path.add(polylines: SeriesDownsampler.polylines(of: evaluation.scores, columns: frame.columns).map { line in
            line.map { (frame.x(Double($0.row)), y($0.value)) }
        })
        canvas.path(path, stroke: ReportPalette.series, className: "score")
        var label = "threshold " + NumberText.threshold(evaluation.threshold)
        if evaluation.threshold <= 1 {
            let level = y(evaluation.threshold)
            canvas.line(
                from: (frame.plot.x, level), to: (frame.plot.right, level), stroke: ReportPalette.detection,
                width: 1.5, dashed: true, className: "threshold")
        } else {
            label += ": nothing is detected"
        }
        canvas.text(label, at: (frame.plot.right, frame.plot.y - 6), anchor: .end, size: 10, fill: ReportPalette.detection)
        frame.drawTimeAxis(on: &canvas)
        return canvas.markup
    }
}
