import ArgumentParser
import Foundation
import TocsinDetect
import TocsinEval

/// `tocsin tune`: search a detector's hyperparameters against NAB's labels, and report
/// the held-out score (leave one category out) beside the in-sample one.
struct TuneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Search a detector's hyperparameters on NAB, with leave-one-category-out cross-validation.",
        discussion: "Runs --budget configurations (the defaults first, then random draws from the detector's search space, reproducible from --seed) over the corpus. For each profile it prints the configuration that is best on the whole corpus with its in-sample score, and the held-out score: each category scored with the configuration and threshold chosen on the other categories only. --param fixes a parameter for every configuration."
    )

    @Option(name: .long, help: "The detector to tune.")
    var detector: String

    @Option(name: .long, help: "The NAB corpus (default: $TOCSIN_NAB_CORPUS, else ../shared/nab).")
    var corpus: String?

    @Option(name: .long, help: "How many configurations to try (the defaults included).")
    var budget = 8

    @Option(name: .long, help: "The seed of the random search.")
    var seed: UInt64 = 1

    @Option(name: .customLong("param"), help: ArgumentHelp("Fix a parameter in every configuration (repeatable).", valueName: "name=value"))
    var fixed: [String] = []

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        guard budget >= 1 else { throw ValidationError("--budget must be at least 1") }
    }

    func run() async throws {
        let entry: StreamingEntry
        do { entry = try DetectorCatalog.streaming(named: detector) } catch { throw CLIFailure.usage(error.message) }
        let pinned = try DetectorOptions.parse(fixed)
        let space = TuningSpace.parameters(of: detector)
        if space.isEmpty { Terminal.error("\(detector) has no search space; only its defaults are evaluated") }
        let loaded = try LoadedCorpus.load(corpus)
        let clock = ContinuousClock()
        let started = clock.now
        var candidates: [CategoryCrossValidation.Candidate] = []
        for overrides in TuningSpace.configurations(of: detector, budget: budget, seed: seed) {
            let parameters = overrides.merging(pinned) { _, fixed in fixed }
            do { _ = try entry.make(parameters: parameters) } catch { throw CLIFailure.usage(error.message) }
            let name = parameters.isEmpty ? "defaults" : parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            candidates.append((name, try loaded.scores(StreamingRecipe(entry: entry, settings: parameters))))
            if !json { Terminal.output("  evaluated \(name)") }
        }
        let profiles = try loaded.profiles()
        let validation = CategoryCrossValidation(corpus: loaded.corpus)
        var rows: [TuneRow] = []
        for profile in profiles {
            do {
                let result = try validation.evaluate(candidates, profile: profile)
                rows.append(TuneRow(profile: profile.name, best: result.best, inSample: result.inSample, heldOut: result.heldOut,
                                    choices: result.choices))
            } catch { throw CLIFailure.data(error.description) }
        }
        let report = TuneReport(detector: detector, configurations: candidates.count, categories: validation.categories.count,
                                seconds: (clock.now - started).seconds, profiles: rows)
        if json { try Terminal.json(report) } else { Terminal.output(report.text) }
    }
}

/// One profile's outcome of `tocsin tune`.
struct TuneRow: Encodable {
    let profile: String
    let best: String
    let inSample: Double
    let heldOut: Double
    let choices: [String: String]
}

/// What `tocsin tune` prints.
struct TuneReport: Encodable {
    let detector: String
    let configurations: Int
    let categories: Int
    let seconds: Double
    let profiles: [TuneRow]

    var text: String {
        func column(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        var lines = ["\(detector): \(configurations) configurations, leave-one-category-out over \(categories) categories, \(String(format: "%.1f", seconds)) s",
                     column("profile", 20) + column("in-sample", 11) + column("held-out", 11) + "best configuration"]
        for row in profiles {
            lines.append(column(row.profile, 20) + column(String(format: "%.2f", row.inSample), 11) + column(String(format: "%.2f", row.heldOut), 11)
                + row.best)
        }
        return lines.joined(separator: "\n")
    }
}
