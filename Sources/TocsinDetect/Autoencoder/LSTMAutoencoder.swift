import TocsinCore

/// An encoder-decoder LSTM autoencoder over windows of a series: the classic
/// reconstruction-based detector (Malhotra et al. 2016), trained on windows assumed
/// normal and scoring a window by how badly it is reconstructed.
///
/// Each row of a matrix is one window of W steps of d values (``Configuration/dimensions``),
/// laid out step-major: `[x_0,0 … x_0,d-1, x_1,0 …]`, so W is the column count divided by d
/// (``windows(of:length:stride:)`` builds such rows from a series). Values are standardised
/// per dimension with the training rows' mean and standard deviation. The encoder LSTM reads
/// the window and its last hidden state (H values) is the code; the decoder LSTM receives
/// the code at every step and a linear layer maps its hidden state to the d values of each
/// step. Training minimises the mean squared reconstruction error with Adam over shuffled
/// mini-batches, clipping the gradient's norm. Everything is deterministic for a seed.
///
/// `fit` holds out the last ``Configuration/validationFraction`` of the rows (10 %). Their
/// reconstruction errors give the raw threshold `mean + k·std` (k = ``Configuration/thresholdSigmas``)
/// and the scale `c` = their mean error. A window's error `e` (mean squared error in
/// standardised units, ``reconstructionErrors(_:)``) is scored `e / (e + c)`: in [0, 1),
/// increasing with `e`, about 0.5 for a typical validation window; ``threshold`` is the raw
/// threshold mapped the same way, so `score >= threshold` exactly when `e >=` the raw threshold.
public struct LSTMAutoencoder: BatchDetector, Hashable {
    /// The detector's name in the catalog, the CLI and model artifacts.
    public static let name = "lstm-autoencoder"
    /// The version of the encoded state.
    public static let stateVersion = 1

    /// The hyperparameters.
    public let configuration: Configuration
    /// The names of the feature columns, in order (informational; set by the caller).
    public var featureNames: [String]
    /// The per-dimension standardisation fitted on the training rows.
    public private(set) var standardizer: WindowStandardizer?
    /// The trained network.
    private(set) var network: AutoencoderNetwork?
    /// `c` in the score `e / (e + c)`: the mean reconstruction error of the validation rows.
    public private(set) var errorScale = 1.0
    /// The raw threshold on reconstruction errors: `mean + k·std` of the validation rows' errors.
    public private(set) var errorThreshold = 1.0
    /// The score threshold: ``errorThreshold`` mapped like a score, `t / (t + c)`.
    public private(set) var threshold = 0.5
    /// What the fit did: rows used, the loss of every epoch and the validation errors' statistics.
    public private(set) var summary: TrainingSummary?

    /// What a fit did.
    public struct TrainingSummary: Sendable, Hashable, Codable {
        /// Rows trained on.
        public let trainingRows: Int
        /// Rows held out to set the threshold.
        public let validationRows: Int
        /// The training loss (mean squared error of standardised values) of each epoch.
        public let epochLosses: [Double]
        /// The mean reconstruction error of the validation rows.
        public let validationErrorMean: Double
        /// The (population) standard deviation of the validation rows' reconstruction errors.
        public let validationErrorStandardDeviation: Double
    }

    /// Creates an unfitted model.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.featureNames = []
    }

    /// Time steps per window (W) of the fitted model, nil before `fit`.
    public var windowLength: Int? { network?.shape.steps }

    /// Trains on the rows of `training`, all assumed normal, replacing any earlier fit:
    /// the last ``Configuration/validationFraction`` of the rows (at least one) are held
    /// out to set the threshold and the score scale, the others train the network.
    public mutating func fit(_ training: Matrix) throws(DetectorError) {
        try configuration.validate()
        let dimensions = configuration.dimensions
        guard training.columns >= dimensions, training.columns % dimensions == 0 else {
            throw DetectorError("rows have \(training.columns) values, not a positive multiple of dimensions (\(dimensions))")
        }
        guard training.rows >= 2 else {
            throw DetectorError("the LSTM autoencoder needs at least 2 training rows (one held out), got \(training.rows)")
        }
        try Self.checkFinite(training)
        let validationRows = min(max(1, Int(Double(training.rows) * configuration.validationFraction)), training.rows - 1)
        let trainingRows = training.rows - validationRows
        let shape = AutoencoderShape(dimensions: dimensions, hidden: configuration.hiddenSize,
                                     steps: training.columns / dimensions)
        let standardizer = WindowStandardizer(fitting: training, rows: trainingRows, dimensions: dimensions)
        let scaled = standardizer.transform(training)

        var generator = SeededGenerator(seed: configuration.seed)
        var network = AutoencoderNetwork(shape: shape, generator: &generator)
        let settings = AutoencoderTrainer.Settings(
            epochs: configuration.epochs, batchSize: configuration.batchSize, learningRate: configuration.learningRate,
            beta1: configuration.beta1, beta2: configuration.beta2, epsilon: configuration.epsilon,
            clipNorm: configuration.clipNorm)
        let losses = AutoencoderTrainer.train(&network, windows: scaled, rows: trainingRows, settings: settings,
                                              generator: &generator)
        guard losses.allSatisfy(\.isFinite), network.parameters.allSatisfy(\.isFinite) else {
            throw DetectorError("training diverged (the loss is not finite); try a smaller learningRate or clipNorm")
        }

        let held = Array(scaled[(trainingRows * training.columns)...])
        let errors = Self.rowErrors(AutoencoderEvaluator.evaluate(network, windows: held, rows: validationRows,
                                                                  reconstruct: false).squaredErrors,
                                    width: training.columns)
        let mean = errors.reduce(0, +) / Double(errors.count)
        let variance = errors.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(errors.count)
        let deviation = variance.squareRoot()

        self.standardizer = standardizer
        self.network = network
        errorScale = max(mean, 1e-12)
        errorThreshold = mean + configuration.thresholdSigmas * deviation
        threshold = errorThreshold / (errorThreshold + errorScale)
        summary = TrainingSummary(trainingRows: trainingRows, validationRows: validationRows, epochLosses: losses,
                                  validationErrorMean: mean, validationErrorStandardDeviation: deviation)
    }

    /// One score per row of `data`: `e / (e + c)` of the row's reconstruction error `e`
    /// (see the type's documentation), in [0, 1], higher meaning more anomalous.
    public func score(_ data: Matrix) throws(DetectorError) -> [Double] {
        try reconstructionErrors(data).map(score(error:))
    }

    /// Maps a reconstruction error to a score: `e / (e + c)` with `c` = ``errorScale``;
    /// 1 for an infinite or NaN error.
    public func score(error: Double) -> Double {
        guard error.isFinite else { return 1 }
        return error / (error + errorScale)
    }

    /// The reconstruction error of each row: the mean, over its W·d values, of the
    /// squared difference between the standardised value and its reconstruction.
    public func reconstructionErrors(_ data: Matrix) throws(DetectorError) -> [Double] {
        let (network, scaled) = try prepare(data)
        let squared = AutoencoderEvaluator.evaluate(network, windows: scaled, rows: data.rows, reconstruct: false)
        return Self.rowErrors(squared.squaredErrors, width: data.columns)
    }

    /// The reconstruction of every row, in the original units.
    public func reconstruct(_ data: Matrix) throws(DetectorError) -> Matrix {
        let (network, scaled) = try prepare(data)
        var cells = AutoencoderEvaluator.evaluate(network, windows: scaled, rows: data.rows, reconstruct: true).reconstructions
        standardizer?.invert(&cells)
        return try Matrix(rows: data.rows, columns: data.columns, storage: cells)
    }

    /// For every row, its reconstruction error split over the row's values (which steps
    /// and dimensions were reconstructed worst), with the reconstruction itself.
    public func attribution(_ data: Matrix) throws(DetectorError) -> [ReconstructionAttribution] {
        let (network, scaled) = try prepare(data)
        let result = AutoencoderEvaluator.evaluate(network, windows: scaled, rows: data.rows, reconstruct: true)
        var reconstructions = result.reconstructions
        standardizer?.invert(&reconstructions)
        let width = data.columns
        let share = 1 / Double(width)
        return (0..<data.rows).map { row in
            let range = (row * width)..<((row + 1) * width)
            let contributions = result.squaredErrors[range].map { $0 * share }
            return ReconstructionAttribution(
                error: contributions.reduce(0, +), steps: network.shape.steps, dimensions: network.shape.dimensions,
                contributions: contributions, reconstruction: Array(reconstructions[range]))
        }
    }

    /// Sliding windows of `length` consecutive values of a univariate series, one row
    /// each, starting every `stride` values: the rows this model expects.
    public static func windows(of series: [Double], length: Int = 32, stride: Int = 1) throws(DetectorError) -> Matrix {
        try windows(of: series.map { [$0] }, length: length, stride: stride)
    }

    /// Sliding windows of `length` steps of a multivariate series (`series[t]` holds the
    /// d values of step t), one row of `length·d` values each (step-major), every `stride` steps.
    public static func windows(of series: [[Double]], length: Int = 32, stride: Int = 1) throws(DetectorError) -> Matrix {
        guard length >= 1 else { throw DetectorError("window length must be at least 1, got \(length)") }
        guard stride >= 1 else { throw DetectorError("window stride must be at least 1, got \(stride)") }
        let dimensions = series.first?.count ?? 0
        if let bad = series.firstIndex(where: { $0.count != dimensions }) {
            throw DetectorError("step \(bad) has \(series[bad].count) values, expected \(dimensions)")
        }
        guard series.count >= length else { return try Matrix(rows: 0, columns: length * dimensions, storage: []) }
        var cells: [Double] = []
        let starts = Swift.stride(from: 0, through: series.count - length, by: stride)
        cells.reserveCapacity(starts.underestimatedCount * length * dimensions)
        for start in starts {
            for step in start..<(start + length) { cells.append(contentsOf: series[step]) }
        }
        return try Matrix(rows: cells.count / max(length * dimensions, 1), columns: length * dimensions, storage: cells)
    }

    /// The fitted network and the standardised cells of `data`, after checking its shape.
    private func prepare(_ data: Matrix) throws(DetectorError) -> (AutoencoderNetwork, [Double]) {
        guard let network, let standardizer else { throw DetectorError("the LSTM autoencoder has not been fitted") }
        guard standardizer.means.count == network.shape.dimensions, standardizer.scales.count == network.shape.dimensions else {
            throw DetectorError("the model's standardisation does not match its network (\(network.shape.dimensions) dimensions)")
        }
        guard data.columns == network.shape.windowWidth else {
            throw DetectorError("rows have \(data.columns) values, the model was fitted on \(network.shape.windowWidth) (\(network.shape.steps) steps x \(network.shape.dimensions) dimensions)")
        }
        try Self.checkFinite(data)
        return (network, standardizer.transform(data))
    }

    private static func checkFinite(_ data: Matrix) throws(DetectorError) {
        if let bad = data.storage.firstIndex(where: { !$0.isFinite }) {
            throw DetectorError("row \(bad / data.columns + 1), column \(bad % data.columns + 1) is not a finite number")
        }
    }

    /// Per-row means of row-major squared errors.
    private static func rowErrors(_ squared: [Double], width: Int) -> [Double] {
        guard width > 0 else { return [] }
        let rows = squared.count / width
        return (0..<rows).map { row in
            var sum = 0.0
            for index in (row * width)..<((row + 1) * width) { sum += squared[index] }
            return sum / Double(width)
        }
    }
}

extension LSTMAutoencoder: ColumnAttributing {
    /// Per row (window), each value's share of the reconstruction error.
    public func columnAttribution(_ data: Matrix) throws(DetectorError) -> [[Double]] {
        try attribution(data).map { ColumnShares.normalized($0.contributions) }
    }
}
