import TocsinCore

/// A random cut forest as a batch detector over feature vectors (`tocsin score`): fitted
/// on the training rows (each tree samples them uniformly, no time decay), then each row
/// of another matrix is scored without being learned. Raw scores (about 1 for typical
/// rows) are mapped to `raw / (raw + 1)`. The threshold is the score at raw 3 (`auto`) or
/// the `1 − contamination` quantile of the training rows' scores.
public struct RandomCutForestModel: BatchDetector, Hashable {
    public static let name = "random-cut-forest"
    public static let stateVersion = 3

    /// Hyperparameters.
    public struct Configuration: DetectorConfiguration {
        /// Trees.
        public var trees = 50
        /// Rows each tree samples.
        public var sampleSize = 256
        /// How the threshold is set.
        public var contamination: Contamination = .auto
        /// The seed.
        public var seed: UInt64 = 42

        /// Creates the default configuration.
        public init() {}
    }

    public let configuration: Configuration
    public var featureNames: [String] = []
    public private(set) var threshold = RandomCutForest.unitScore(3)
    private var forest: RandomCutForest?

    /// Creates an unfitted model.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    public mutating func fit(_ training: Matrix) throws(DetectorError) {
        guard training.rows >= 2, training.columns >= 1 else {
            throw DetectorError("random-cut-forest needs at least 2 rows and 1 column to fit, got \(training.rows) x \(training.columns)")
        }
        try configuration.contamination.validate()
        var settings = RandomCutForest.Configuration(dimensions: training.columns)
        settings.trees = configuration.trees
        settings.sampleSize = configuration.sampleSize
        settings.timeDecay = 0
        settings.seed = configuration.seed
        var fitted = try RandomCutForest(configuration: settings)
        for row in 0..<training.rows {
            let values = training.row(row)
            guard values.allSatisfy(\.isFinite) else { throw DetectorError("row \(row) holds a value that is not finite") }
            fitted.update(values)
        }
        forest = fitted
        if case .auto = configuration.contamination {
            threshold = RandomCutForest.unitScore(3)
        } else {
            threshold = configuration.contamination.threshold(trainingScores: try score(training))
        }
    }

    public func score(_ data: Matrix) throws(DetectorError) -> [Double] {
        guard let forest else { throw DetectorError("random-cut-forest is not fitted") }
        guard data.columns == forest.configuration.dimensions else {
            throw DetectorError("the data has \(data.columns) columns, the model was fitted on \(forest.configuration.dimensions)")
        }
        return (0..<data.rows).map { row in
            RandomCutForest.unitScore(forest.score(data.row(row)))
        }
    }

    /// Per row, which columns moved its score, above or below the training data.
    public func attribution(_ data: Matrix) throws(DetectorError) -> [(above: [Double], below: [Double])] {
        guard let forest else { throw DetectorError("random-cut-forest is not fitted") }
        return (0..<data.rows).map { forest.attribution(data.row($0)) }
    }
}

extension RandomCutForestModel: ColumnAttributing {
    /// Per row, each column's share of the displacement score, above and below together.
    public func columnAttribution(_ data: Matrix) throws(DetectorError) -> [[Double]] {
        try attribution(data).map { parts in ColumnShares.normalized(zip(parts.above, parts.below).map(+)) }
    }
}
