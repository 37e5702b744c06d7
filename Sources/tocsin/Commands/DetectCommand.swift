import ArgumentParser
import Foundation
import TocsinCore
import TocsinDetect
import TocsinEval

/// `tocsin detect`: stream one CSV series through a detector and list the anomalies.
struct DetectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Stream a CSV series through a detector and print the anomalies it finds.",
        discussion: "The CSV has a header row; its `timestamp` column (optional) and one numeric value column are used. Each point is scored before it is learned, and flagged when its score reaches the detector's threshold."
    )

    @OptionGroup var detectorOptions: DetectorOptions

    @Option(name: .long, help: "The value column (default: `value`, or the only non-timestamp column).")
    var column: String?

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    @Option(name: .long, help: "Start from a model trained by `tocsin train` instead of an empty detector.")
    var model: String?

    @Argument(help: "The CSV file.")
    var file: String

    func run() async throws {
        var detector = try model.map(ModelFile.streaming) ?? detectorOptions.makeStreaming()
        let series = try SeriesInput.load(path: file, column: column)
        if model == nil {
            // The whole series is at hand, so the detector may know its range and length, as NAB's do.
            let values = series.points.map(\.value).filter(\.isFinite)
            detector.prepare(for: SeriesHints(minimum: values.min(), maximum: values.max(), length: series.points.count))
        }
        let clock = ContinuousClock()
        let started = clock.now
        let scan = SeriesScan.run(&detector, over: series.points)
        let report = DetectionReport(detector: type(of: detector).name, file: file, series: series, scan: scan,
                                     seconds: (clock.now - started).seconds)
        if json {
            try Terminal.json(report)
        } else {
            Terminal.output(report.table)
        }
    }
}
