/// Isolation forest as a batch detector over feature vectors: the model behind
/// `tocsin score`. The artifact holds the forest, the scaler fitted on the training
/// rows, the feature names and the threshold together.
public struct IsolationForestModel: BatchDetector, Hashable {
    public static let name = "isolation-forest"
    public static let stateVersion = 1

    /// Hyperparameters, with scikit-learn's defaults.
    public struct Configuration: DetectorConfiguration {
        /// Number of trees (`n_estimators`).
        public var trees: Int = 100
        /// Rows per tree (`max_samples`).
        public var sampleSize: Int = 256
        /// How the threshold is set.
        public var contamination: Contamination = .auto
        /// The random seed.
        public var seed: UInt64 = 42

        /// Creates the default configuration.
        public init() {}
    }

    /// The hyperparameters.
    public let configuration: Configuration
    /// The names of the feature columns, in order (informational; set by the caller).
    public var featureNames: [String]
    /// The scaler fitted on the training rows.
    public private(set) var scaler: StandardScaler?
    /// The fitted forest.
    public private(set) var forest: IsolationForest?
    public private(set) var threshold: Double = 0.5

    /// Creates an unfitted model.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.featureNames = []
    }

    public mutating func fit(_ training: Matrix) throws(DetectorError) {
        try configuration.contamination.validate()
        let scaler = StandardScaler(fitting: training)
        let scaled = scaler.transform(training)
        let forest = try IsolationForest.fit(scaled, trees: configuration.trees,
                                             sampleSize: configuration.sampleSize, seed: configuration.seed)
        self.scaler = scaler
        self.forest = forest
        if case .auto = configuration.contamination {
            threshold = 0.5
        } else {
            threshold = configuration.contamination.threshold(trainingScores: forest.score(scaled))
        }
    }

    public func score(_ data: Matrix) throws(DetectorError) -> [Double] {
        let (forest, scaler) = try fitted(for: data)
        return forest.score(scaler.transform(data))
    }

    /// The fitted forest and scaler, once `data` is known to suit them (as many finite
    /// columns as the forest's features) and they each other (a saved model may not).
    private func fitted(for data: Matrix) throws(DetectorError) -> (IsolationForest, StandardScaler) {
        guard let forest, let scaler else { throw DetectorError("the isolation forest has not been fitted") }
        guard scaler.means.count == forest.featureCount, scaler.scales.count == forest.featureCount else {
            throw DetectorError("the model is corrupt: a scaler of \(scaler.means.count) means and \(scaler.scales.count) scales for \(forest.featureCount) features")
        }
        guard data.columns == forest.featureCount else {
            throw DetectorError("data has \(data.columns) feature columns, the model was fitted on \(forest.featureCount)")
        }
        if let bad = data.storage.firstIndex(where: { !$0.isFinite }) {
            throw DetectorError("row \(bad / data.columns + 1), column \(bad % data.columns + 1) is not a finite number")
        }
        return (forest, scaler)
    }
}

extension IsolationForestModel: ColumnAttributing {
    /// Per row, how much each feature raises its score: the fall in score when the
    /// feature alone is set to its training mean (see ``IsolationForest/attribution(_:reference:)``).
    public func columnAttribution(_ data: Matrix) throws(DetectorError) -> [[Double]] {
        let (forest, scaler) = try fitted(for: data)
        let scaled = scaler.transform(data)
        let mean = [Double](repeating: 0, count: scaled.columns)  // the training mean, once standardised
        return (0..<scaled.rows).map { forest.attribution(scaled.row($0), reference: mean) }
    }
}
