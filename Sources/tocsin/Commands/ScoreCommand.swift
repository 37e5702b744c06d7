import ArgumentParser
import Foundation
import TocsinDetect
import TocsinEval

/// `tocsin score`: fit a batch detector on one CSV of feature vectors and score another.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Fit a multivariate detector on TRAIN (unsupervised) and write one score per TEST row.",
        discussion: "Both CSVs have a header row of column names and numeric columns; a `timestamp` column, if present, is not a feature. TEST must have TRAIN's feature columns. Scores are written one per line, in row order, higher meaning more anomalous."
    )

    @OptionGroup var detectorOptions: DetectorOptions

    @Option(name: .long, help: "The training CSV (or --model).")
    var train: String?

    @Option(name: .long, help: "A model trained by `tocsin train`, used instead of fitting on --train.")
    var model: String?

    @Option(name: .long, help: "The CSV to score.")
    var test: String

    @Option(name: .long, help: "Where to write the scores, one per line.")
    var out: String

    @Option(name: .long, help: "Also write, per TEST row, the score and each column's share of it (CSV).")
    var attribution: String?

    @Flag(name: .long, help: "Print a JSON summary with fit and score timings.")
    var json = false

    func validate() throws {
        guard (train == nil) != (model == nil) else { throw ValidationError("give either --train CSV or --model MODEL") }
    }

    func run() async throws {
        var model = try self.model.map(ModelFile.batch) ?? detectorOptions.makeBatch()
        let testing = try FeatureInput.load(path: test)
        let clock = ContinuousClock()
        let fitStart = clock.now
        var trainRows = 0
        if let train {
            let training = try FeatureInput.load(path: train)
            guard testing.columns == training.columns else {
                throw CLIFailure.data("\(test): feature columns (\(testing.columns.joined(separator: ", "))) differ from \(train)'s (\(training.columns.joined(separator: ", ")))")
            }
            model.featureNames = training.columns
            trainRows = training.matrix.rows
            do { try model.fit(training.matrix) } catch { throw CLIFailure.data("\(train): \(error.message)") }
        } else if testing.columns != model.featureNames {
            throw CLIFailure.data("\(test): feature columns (\(testing.columns.joined(separator: ", "))) differ from the model's (\(model.featureNames.joined(separator: ", ")))")
        }
        let fitTime = clock.now - fitStart
        let scoreStart = clock.now
        let scores: [Double]
        do { scores = try model.score(testing.matrix) } catch { throw CLIFailure.data("\(test): \(error.message)") }
        let scoreTime = clock.now - scoreStart
        try ScoreFile.write(scores, to: out)
        if let attribution {
            guard let attributing = model as? any ColumnAttributing else {
                throw CLIFailure.usage("\(type(of: model).name) cannot attribute its scores to columns")
            }
            let shares: [[Double]]
            do { shares = try attributing.columnAttribution(testing.matrix) } catch { throw CLIFailure.data("\(test): \(error.message)") }
            try AttributionFile.write(scores: scores, shares: shares, columns: testing.columns, to: attribution)
        }
        if json {
            try Terminal.json(ScoreSummary(detector: type(of: model).name, trainRows: trainRows,
                                           testRows: testing.matrix.rows, features: testing.columns.count,
                                           threshold: model.threshold, fitSeconds: fitTime.seconds,
                                           scoreSeconds: scoreTime.seconds, out: out))
        }
    }
}

/// The JSON summary of `tocsin score --json`.
struct ScoreSummary: Encodable {
    let detector: String
    let trainRows: Int
    let testRows: Int
    let features: Int
    let threshold: Double
    let fitSeconds: Double
    let scoreSeconds: Double
    let out: String
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
