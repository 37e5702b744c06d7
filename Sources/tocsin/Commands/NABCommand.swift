import ArgumentParser
import Foundation
import TocsinDetect
import TocsinEval

/// `tocsin nab`: run a detector over the Numenta Anomaly Benchmark and score it as the
/// official scorer does, or score results written earlier.
struct NABCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nab",
        abstract: "Run a detector over the NAB corpus, write NAB result files, and score them.",
        discussion: "Scores are NAB's normalized scores under its three profiles, with thresholds optimized over the corpus exactly as the official scorer's --optimize does."
    )

    @OptionGroup var detectorOptions: DetectorOptions

    @Option(name: .long, help: "The NAB corpus (data/, labels/, config/). Default: $TOCSIN_NAB_CORPUS, else ../shared/nab when it exists.")
    var corpus: String?

    @Option(name: .long, help: "Where to write results: OUT/<detector>/<category>/<detector>_<file>.csv.")
    var out: String = "out/nab"

    @Option(name: .long, help: "With --score-only: the results folder holding <detector>/ to score.")
    var results: String?

    @Flag(name: .long, help: "Score existing result files instead of running the detector.")
    var scoreOnly = false

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        if scoreOnly, results == nil { throw ValidationError("--score-only needs --results DIR") }
        if !scoreOnly, results != nil { throw ValidationError("--results is only used with --score-only") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try LoadedCorpus.load(corpus)
        let nab = loaded.corpus
        let scores: [String: [Double]]
        if scoreOnly, let results {
            do { scores = try NABResultsReader.read(detector: detectorOptions.streamingName, from: results, corpus: nab) } catch {
                throw CLIFailure.data(error.description)
            }
        } else {
            scores = try loaded.scores(try detectorOptions.streamingRecipe())
            do { try NABResultsWriter.write(detector: detectorOptions.streamingName, scores: scores, corpus: nab, to: out) } catch {
                throw CLIFailure.data(error.description)
            }
        }
        let profiles = try loaded.profiles()
        let outcome: [NABProfileResult]
        do { outcome = try NABScorer(corpus: nab).evaluate(scores: scores, profiles: profiles) } catch {
            throw CLIFailure.data(error.description)
        }
        let report = NABReport(detector: detectorOptions.streamingName, results: outcome, seconds: (clock.now - start).seconds)
        if json {
            try Terminal.json(report)
        } else {
            Terminal.output(report.table(resultsFolder: scoreOnly ? nil : out))
        }
    }
}

/// Finds the NAB corpus: the option, else `$TOCSIN_NAB_CORPUS`, else `../shared/nab`.
enum CorpusLocation {
    static func resolve(_ option: String?) throws(CLIFailure) -> String {
        if let option { return option }
        if let fromEnvironment = ProcessInfo.processInfo.environment["TOCSIN_NAB_CORPUS"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let sibling = "../shared/nab"
        if FileManager.default.fileExists(atPath: sibling + "/labels/combined_windows.json") { return sibling }
        throw .usage("no NAB corpus: pass --corpus DIR (a folder with data/ and labels/combined_windows.json)")
    }
}
