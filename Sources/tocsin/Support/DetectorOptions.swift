import ArgumentParser
import TocsinDetect

/// The options every command that builds a detector shares.
struct DetectorOptions: ParsableArguments {
    @Option(name: .long, help: "The detector (see `tocsin detectors`). Default: `default` for a series, `isolation-forest` for feature vectors.")
    var detector: String?

    /// The streaming detector used when none is named: Tocsin's default ensemble.
    static let streamingDefault = DefaultDetector.name
    /// The batch detector used when none is named.
    static let batchDefault = IsolationForestModel.name

    /// The named detector, or the streaming default.
    var streamingName: String { detector ?? Self.streamingDefault }
    /// The named detector, or the batch default.
    var batchName: String { detector ?? Self.batchDefault }

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a detector parameter, e.g. --param trees=200 (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .long, help: "The random seed (for detectors that use one).")
    var seed: UInt64?

    func validate() throws {
        _ = try overrides()
    }

    /// The parameters as a dictionary, with `--seed` folded in.
    func overrides() throws(CLIFailure) -> [String: String] {
        var result = try Self.parse(parameters)
        if let seed { result["seed"] = String(seed) }
        return result
    }

    /// `--param` values (`name=value`) as a dictionary.
    static func parse(_ items: [String]) throws(CLIFailure) -> [String: String] {
        var result: [String: String] = [:]
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw .usage("--param takes name=value, got \"\(item)\"")
            }
            result[parts[0]] = parts[1]
        }
        return result
    }

    /// The overrides, without `seed` for a detector that has no seed parameter.
    private func settings(for parameters: [(name: String, value: String)]) throws(CLIFailure) -> [String: String] {
        var settings = try overrides()
        if !parameters.contains(where: { $0.name == "seed" }) { settings["seed"] = nil }
        return settings
    }

    /// The catalog entry and parameters of the configured streaming detector.
    func streamingRecipe() throws(CLIFailure) -> StreamingRecipe {
        let entry: StreamingEntry
        do { entry = try DetectorCatalog.streaming(named: streamingName) } catch { throw .usage(error.message) }
        let recipe = StreamingRecipe(entry: entry, settings: try settings(for: entry.parameters))
        do { _ = try recipe.make() } catch { throw .usage(error.message) }
        return recipe
    }

    /// A new streaming detector as configured.
    func makeStreaming() throws(CLIFailure) -> any Detector {
        let recipe = try streamingRecipe()
        do { return try recipe.make() } catch { throw .usage(error.message) }
    }

    /// A new, unfitted batch detector as configured.
    func makeBatch() throws(CLIFailure) -> any BatchDetector {
        let entry: BatchEntry
        do { entry = try DetectorCatalog.batch(named: batchName) } catch { throw .usage(error.message) }
        let settings = try settings(for: entry.parameters)
        do { return try entry.make(parameters: settings) } catch { throw .usage(error.message) }
    }
}

/// How to build a configured streaming detector, as often as needed (one per NAB file).
struct StreamingRecipe: Sendable {
    let entry: StreamingEntry
    let settings: [String: String]

    func make() throws(DetectorError) -> any Detector {
        try entry.make(parameters: settings)
    }
}
