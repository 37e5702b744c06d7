import ArgumentParser
import Foundation
import TocsinDetect
import TocsinEval
import TocsinReport

/// `tocsin report`: run a detector over the NAB corpus, score it, and write a
/// self-contained HTML report with SVG plots and a PNG of the summary.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run a detector over NAB and write an HTML report (SVG plots, summary.png).",
        discussion: "The report shows the three profile scores beside the published NAB scoreboard, precision, recall and F1 at the standard profile's threshold, the score distribution, and a page per file with its values, labelled windows and detections. It needs no network and no JavaScript."
    )

    @OptionGroup var detectorOptions: DetectorOptions

    @Option(name: .long, help: "The NAB corpus (data/, labels/, config/). Default: $TOCSIN_NAB_CORPUS, else ../shared/nab when it exists.")
    var corpus: String?

    @Option(name: .long, help: "The folder to write index.html, files/ and summary.png into.")
    var out: String = "out/report"

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try LoadedCorpus.load(corpus)
        let scores = try loaded.scores(try detectorOptions.streamingRecipe())
        let profiles = try loaded.profiles()
        let written: [String]
        do {
            let results = try NABScorer(corpus: loaded.corpus).evaluate(scores: scores, profiles: profiles)
            let report = try NABEvaluationReport(detector: detectorOptions.streamingName, corpus: loaded.corpus, scores: scores,
                                                 results: results, seconds: (clock.now - start).seconds)
            written = try NABReportWriter.write(report, to: out)
        } catch { throw CLIFailure.data(error.description) }
        Terminal.output("wrote \(written.count) files to \(out); open \(written.first ?? out)")
    }
}
