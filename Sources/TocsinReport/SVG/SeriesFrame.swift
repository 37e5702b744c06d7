import TocsinCore
import TocsinEval

/// The frame shared by the plots over one file's rows: the plot area, the row-to-x scale,
/// the shaded probation period and anomaly windows, and the axes.
struct SeriesFrame {
    /// The width of every series plot, in pixels.
    static let width = 960
    /// The file plotted.
    let file: NABFile
    /// The plot area inside the axes.
    let plot: PlotRect
    /// Row index to x.
    let x: LinearScale

    /// A frame `height` pixels high, leaving `top` and `bottom` pixels outside the plot area.
    init(file: NABFile, height: Int, top: Double, bottom: Double) {
        self.file = file
        plot = PlotRect(x: 72, y: top, width: Double(Self.width) - 72 - 16, height: Double(height) - top - bottom)
        x = LinearScale(domain: 0, Double(max(file.rowCount - 1, 1)), range: plot.x, plot.right)
    }

    /// The number of pixel columns of the plot area.
    var columns: Int { Int(plot.width) }

    /// The pixel column of `row`'s x coordinate, counted from the plot's left edge.
    func column(of row: Int) -> Int { Int(x(Double(row)) - plot.x) }

    /// Draws the plot background, the probation period and the anomaly windows.
    func drawBands(on canvas: inout SVGCanvas) {
        canvas.rect(plot, fill: ReportPalette.background, className: "plot-area")
        if file.probationLength > 0 {
            canvas.rect(band(0, file.probationLength - 1), fill: ReportPalette.probation, className: "probation")
        }
        for window in file.windows {
            canvas.rect(band(window.lowerBound, window.upperBound), fill: ReportPalette.window, className: "window")
        }
    }

    /// Draws the y axis: a grid line and a label at each of `ticks`, placed by `y`.
    func drawValueAxis(on canvas: inout SVGCanvas, y: LinearScale, ticks: [Double]) {
        for tick in ticks {
            let level = y(tick)
            canvas.line(from: (plot.x, level), to: (plot.right, level), stroke: ReportPalette.grid)
            canvas.text(NumberText.axis(tick), at: (plot.x - 6, level + 4), anchor: .end, size: 10)
        }
    }

    /// Draws the plot border and, below it, dates (with times for series shorter than three
    /// days) at six evenly spaced rows.
    func drawTimeAxis(on canvas: inout SVGCanvas) {
        canvas.line(from: (plot.x, plot.bottom), to: (plot.right, plot.bottom), stroke: ReportPalette.ink)
        canvas.line(from: (plot.x, plot.y), to: (plot.x, plot.bottom), stroke: ReportPalette.ink)
        guard let first = file.timestamps.first, let last = file.timestamps.last else { return }
        let labelLength = last - first >= 3 * 86_400 ? 10 : 16
        let ticks = 6
        for tick in 0..<ticks {
            let row = (file.rowCount - 1) * tick / (ticks - 1)
            let position = x(Double(row))
            canvas.line(from: (position, plot.bottom), to: (position, plot.bottom + 4), stroke: ReportPalette.ink)
            let anchor: SVGCanvas.Anchor = tick == 0 ? .start : (tick == ticks - 1 ? .end : .middle)
            let label = String(UTCTimestamp.format(file.timestamps[row]).prefix(labelLength))
            canvas.text(label, at: (position, plot.bottom + 16), anchor: anchor, size: 10)
        }
    }

    /// The full-height band over rows `first...last`, at least one pixel wide.
    private func band(_ first: Int, _ last: Int) -> PlotRect {
        let left = x(Double(first))
        return PlotRect(x: left, y: plot.y, width: max(x(Double(last)) - left, 1), height: plot.height)
    }
}
