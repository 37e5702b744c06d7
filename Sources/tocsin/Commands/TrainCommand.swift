import ArgumentParser
import Foundation
import TocsinCore
import TocsinDetect

/// `tocsin train`: train a detector on a CSV and write its model artifact, which
/// `tocsin detect --model` and `tocsin score --model` load instead of starting afresh.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a detector on a CSV or on CloudWatch history and write its model artifact (threshold included) to OUT.",
        discussion: "A streaming detector learns a timestamp,value series point by point (as `detect` would); a batch detector fits the numeric columns of INPUT (a timestamp column is not a feature). A name both kinds have (isolation-forest) is trained as streaming when INPUT has one value column and as batch otherwise, unless --mode says which. Without --detector: `default` for one value column, `isolation-forest` for several. With --source cloudwatch, the history is one metric of one instance (`--instance-id ID --days 14`, CPUUtilization by default), read with the standard AWS credentials chain; `serve` uses the model through a detection rule's `model: PATH`."
    )

    enum Source: String, ExpressibleByArgument, CaseIterable {
        case csv, cloudwatch
    }

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case streaming, batch
    }

    @OptionGroup var detectorOptions: DetectorOptions

    @Option(help: "Where the training data comes from: csv (--input) or cloudwatch (--instance-id).")
    var source: Source = .csv

    @Option(name: .long, help: "The training CSV (with --source csv).")
    var input: String?

    @OptionGroup(title: "CloudWatch history") var cloudWatch: CloudWatchTrainingOptions

    @Option(name: .long, help: "Where to write the model artifact (JSON).")
    var out: String

    @Option(name: .long, help: "For a streaming detector, the value column (default: `value`, or the only non-timestamp column).")
    var column: String?

    @Option(name: .long, help: "streaming or batch (default: from the detector and the input's columns).")
    var mode: Mode?

    @Flag(name: .long, help: "Print a JSON summary.")
    var json = false

    func run() async throws {
        let training = try await trainingData()
        let name = detectorOptions.detector
        let isStreaming = name.map { (try? DetectorCatalog.streaming(named: $0)) != nil } ?? true
        let isBatch = name.map { (try? DetectorCatalog.batch(named: $0)) != nil } ?? true
        guard isStreaming || isBatch else { _ = try detectorOptions.makeStreaming(); return }
        let chosen: Mode
        if let mode {
            let name = mode == .streaming ? detectorOptions.streamingName : detectorOptions.batchName
            guard mode == .streaming ? isStreaming : isBatch else { throw CLIFailure.usage("\(name) has no \(mode.rawValue) form") }
            chosen = mode
        } else if isStreaming != isBatch {
            chosen = isStreaming ? .streaming : .batch
        } else {
            chosen = try training.columnCount() == 1 ? .streaming : .batch
        }
        let trained = chosen == .streaming ? detectorOptions.streamingName : detectorOptions.batchName
        let clock = ContinuousClock()
        let started = clock.now
        let artifact: Data
        let rows: Int
        let threshold: Double
        switch chosen {
        case .streaming:
            var detector = try detectorOptions.makeStreaming()
            let points = try training.points(column: column)
            for point in points { detector.learn(point) }
            rows = points.count
            threshold = detector.defaultThreshold
            do { artifact = try DetectorCatalog.save(detector, threshold: threshold) } catch { throw CLIFailure.data(error.message) }
        case .batch:
            var model = try detectorOptions.makeBatch()
            let features = try training.features()
            model.featureNames = features.columns
            do { try model.fit(features.matrix) } catch { throw CLIFailure.data("\(training.name): \(error.message)") }
            rows = features.matrix.rows
            threshold = model.threshold
            do { artifact = try DetectorCatalog.save(model) } catch { throw CLIFailure.data(error.message) }
        }
        let elapsed = clock.now - started
        do { try artifact.write(to: URL(fileURLWithPath: out)) } catch {
            throw CLIFailure.data("cannot write \(out): \(error.localizedDescription)")
        }
        let summary = TrainSummary(detector: trained, mode: chosen.rawValue, rows: rows, threshold: threshold,
                                   trainSeconds: elapsed.seconds, out: out)
        if json { try Terminal.json(summary) } else {
            Terminal.output("trained \(trained) (\(chosen.rawValue)) on \(rows) rows in \(String(format: "%.2f", elapsed.seconds)) s; threshold \(threshold); model written to \(out)")
        }
    }

    /// The training data the options name.
    private func trainingData() async throws(CLIFailure) -> TrainingInput {
        switch source {
        case .csv:
            guard let input else { throw .usage("train needs --input CSV, or --source cloudwatch --instance-id ID") }
            return .csv(path: input)
        case .cloudwatch:
            if input != nil { throw .usage("--input is for --source csv; --source cloudwatch reads --instance-id's history") }
            let history = try await cloudWatch.history()
            return .history(name: "cloudwatch \(history.series.key)", column: history.series.spec.name, points: history.points)
        }
    }
}

/// What `tocsin train --json` prints.
struct TrainSummary: Encodable {
    let detector: String
    let mode: String
    let rows: Int
    let threshold: Double
    let trainSeconds: Double
    let out: String
}

/// Reads model artifacts for `detect --model` and `score --model`, with one-line errors.
enum ModelFile {
    static func read(_ path: String) throws(CLIFailure) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .data("cannot read the model \(path): \(error.localizedDescription)")
        }
    }

    static func streaming(_ path: String) throws(CLIFailure) -> any Detector {
        do { return try DetectorCatalog.loadStreaming(try read(path)).detector } catch let failure as CLIFailure { throw failure } catch {
            throw .data("\(path): \(error)")
        }
    }

    static func batch(_ path: String) throws(CLIFailure) -> any BatchDetector {
        do { return try DetectorCatalog.loadBatch(try read(path)) } catch let failure as CLIFailure { throw failure } catch {
            throw .data("\(path): \(error)")
        }
    }
}
