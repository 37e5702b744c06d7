/// The plot of one file's values, with the probation period and anomaly windows shaded and
/// the detections marked (a tick at the top and a dot on the line, once per pixel column).
enum ValuePlot {
    /// The plot's height in pixels.
    static let height = 260

    /// The plot as an SVG element.
    static func svg(_ evaluation: FileEvaluation) -> String {
        let file = evaluation.file
        let frame = SeriesFrame(file: file, height: height, top: 12, bottom: 28)
        var canvas = SVGCanvas(
            width: SeriesFrame.width, height: height, label: "values of \(file.key) with windows and detections")
        frame.drawBands(on: &canvas)
        let finite = file.values.filter(\.isFinite)
        let low = finite.min() ?? 0
        let high = finite.max() ?? 1
        let padding = (high - low) * 0.05
        let y = LinearScale(domain: low - padding, high + padding, range: frame.plot.bottom, frame.plot.y)
        frame.drawValueAxis(on: &canvas, y: y, ticks: y.niceTicks(count: 5))
        var path = SVGPath()
        path.add(polylines: SeriesDownsampler.polylines(of: file.values, columns: frame.columns).map { line in
            line.map { (frame.x(Double($0.row)), y($0.value)) }
        })
        canvas.path(path, stroke: ReportPalette.series, className: "series")
        var markedColumn: Int?
        for row in file.values.indices where evaluation.detections[row] && frame.column(of: row) != markedColumn {
            markedColumn = frame.column(of: row)
            let position = frame.x(Double(row))
            canvas.line(
                from: (position, frame.plot.y), to: (position, frame.plot.y + 8), stroke: ReportPalette.detection,
                width: 1.5, className: "detection")
            if file.values[row].isFinite {
                canvas.circle(center: (position, y(file.values[row])), radius: 2.5, fill: ReportPalette.detection)
            }
        }
        frame.drawTimeAxis(on: &canvas)
        return canvas.markup
    }
}
