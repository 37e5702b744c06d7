#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A histogram of anomaly scores on a logarithmic count axis, with the threshold marked and
/// the bins that lie wholly at or above it drawn in the detection colour.
enum HistogramChart {
    /// The chart's width in pixels.
    static let width = 470
    /// The chart's height in pixels.
    static let height = 220
    /// The count at the bottom of the axis, below 1 so that a bin of one score still shows.
    private static let axisFloor = 0.5

    /// The chart as an SVG element; `subject` names what was counted, for the accessible label.
    static func svg(_ histogram: ScoreHistogram, threshold: Double, subject: String) -> String {
        let plot = PlotRect(x: 56, y: 12, width: Double(width) - 56 - 16, height: Double(height) - 12 - 40)
        var canvas = SVGCanvas(width: width, height: height, label: "distribution of the anomaly scores of \(subject)")
        canvas.rect(plot, fill: ReportPalette.background, className: "plot-area")
        var top = 10.0
        while top < Double(histogram.largestCount) { top *= 10 }
        let y = LinearScale(domain: log10(axisFloor), log10(top), range: plot.bottom, plot.y)
        var tick = 1.0
        while tick <= top {
            let level = y(log10(tick))
            canvas.line(from: (plot.x, level), to: (plot.right, level), stroke: ReportPalette.grid)
            canvas.text(NumberText.axis(tick), at: (plot.x - 6, level + 4), anchor: .end, size: 10)
            tick *= 10
        }
        let x = LinearScale(domain: 0, 1, range: plot.x, plot.right)
        let binWidth = 1 / Double(histogram.binCount)
        for (bin, count) in histogram.counts.enumerated() where count > 0 {
            let low = histogram.lowestScore(ofBin: bin)
            let level = y(log10(Double(count)))
            canvas.rect(
                PlotRect(x: x(Double(bin) * binWidth) + 0.5, y: level, width: x(binWidth) - x(0) - 1,
                         height: plot.bottom - level),
                fill: low >= threshold ? ReportPalette.detection : ReportPalette.histogram, className: "bin",
                tooltip: "scores from \(NumberText.threshold(low)): \(NumberText.count(count)) rows")
        }
        let marker = x(histogram.binning.position(of: threshold))
        canvas.line(
            from: (marker, plot.y), to: (marker, plot.bottom), stroke: ReportPalette.detection, width: 1.5, dashed: true,
            className: "threshold")
        canvas.line(from: (plot.x, plot.bottom), to: (plot.right, plot.bottom), stroke: ReportPalette.ink)
        canvas.line(from: (plot.x, plot.y), to: (plot.x, plot.bottom), stroke: ReportPalette.ink)
        for tick in histogram.binning.ticks {
            let anchor: SVGCanvas.Anchor = tick.position < 1 ? .middle : .end
            canvas.text(tick.label, at: (x(tick.position), plot.bottom + 14), anchor: anchor, size: 10)
        }
        let title = histogram.binning == .linear ? "anomaly score" : "anomaly score by its nines (1 - score, log scale)"
        canvas.text(title, at: (plot.center.x, plot.bottom + 32), anchor: .middle, size: 10, fill: ReportPalette.mutedInk)
        return canvas.markup
    }
}
