import Foundation
import TocsinCore

/// Isolation forest over a stream: each value becomes a feature vector (``SeriesFeatures``),
/// the forest is fitted on a sliding window of recent vectors once `minimumTraining`
/// of them exist, and refitted every `refitInterval` points, so that it follows the
/// series as it changes. Scores are 0 until the first fit.
///
/// The score is the forest's `s = 2^(-E[h]/c(ψ))`, raised for vectors beyond the training
/// range: `s + (1 - s)(1 - e^(-d))`, where `d` is the largest distance (in training
/// standard deviations) by which a feature lies outside its training range. A forest
/// alone gives every such point the score of the boundary point beside it, so it cannot
/// tell a new maximum from a spike ten times larger; `extrapolation=0` turns this off.
/// The defaults (the value and its first difference, a 4,000-point training window) were
/// chosen on NAB (see the README). Non-finite values are ignored: they score 0 and are
/// not learned.
public struct IsolationForestDetector: Detector, Hashable {
    public static let name = "isolation-forest"
    public static let stateVersion = 1

    /// Hyperparameters.
    public struct Configuration: DetectorConfiguration {
        /// Number of trees.
        public var trees = 100
        /// Rows per tree.
        public var sampleSize = 256
        /// Previous values in each feature vector.
        public var lags = 0
        /// First differences in each feature vector.
        public var differences = 1
        /// Window of the rolling mean and standard deviation features (0 turns them off).
        public var rollingWindow = 0
        /// Feature vectors kept for training (the sliding window).
        public var trainingWindow = 4_000
        /// Feature vectors needed before the first fit (the warm-up).
        public var minimumTraining = 150
        /// Points between refits.
        public var refitInterval = 100
        /// How the default threshold is set from the training scores.
        public var contamination: Contamination = .fraction(0.01)
        /// The random seed.
        public var seed: UInt64 = 42
        /// Raise the score of values beyond the training range by how far beyond they
        /// lie (1), which a forest alone cannot tell apart (0 turns this off).
        public var extrapolation = 1

        /// Creates the default configuration.
        public init() {}

        /// The feature specification.
        public var features: SeriesFeatures {
            SeriesFeatures(lags: lags, differences: differences, rollingWindow: rollingWindow)
        }

        /// Checks every value.
        public func validate() throws(DetectorError) {
            try features.validate()
            try contamination.validate()
            guard trees >= 1 else { throw DetectorError("trees must be at least 1, got \(trees)") }
            guard sampleSize >= 2 else { throw DetectorError("sampleSize must be at least 2, got \(sampleSize)") }
            guard minimumTraining >= 2 else { throw DetectorError("minimumTraining must be at least 2, got \(minimumTraining)") }
            guard trainingWindow >= minimumTraining else {
                throw DetectorError("trainingWindow (\(trainingWindow)) must be at least minimumTraining (\(minimumTraining))")
            }
            guard refitInterval >= 1 else { throw DetectorError("refitInterval must be at least 1, got \(refitInterval)") }
            guard extrapolation == 0 || extrapolation == 1 else {
                throw DetectorError("extrapolation must be 0 or 1, got \(extrapolation)")
            }
        }
    }

    /// A fitted forest with the scaler and threshold that go with it.
    struct Fit: Sendable, Codable, Hashable {
        var scaler: StandardScaler
        var forest: IsolationForest
        var threshold: Double
        var range: FeatureRange
    }

    /// The hyperparameters.
    public let configuration: Configuration
    private var history: RingBuffer<Double>
    private var training: RingBuffer<[Double]>
    private var fitted: Fit?
    private var pointsSinceFit = 0
    private var fitCount = 0

    /// Creates an untrained detector.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
        history = RingBuffer(capacity: max(configuration.features.history - 1, 1))
        training = RingBuffer(capacity: configuration.trainingWindow)
    }

    /// The feature names, in vector order.
    public var featureNames: [String] { configuration.features.names }

    public var defaultThreshold: Double { fitted?.threshold ?? 1 }

    public func score(_ point: Point) -> Double {
        guard let fitted, point.value.isFinite,
              var vector = configuration.features.vector(newest: point.value, recent: history)
        else { return 0 }
        fitted.scaler.transform(&vector)
        let isolation = fitted.forest.score(vector)
        guard configuration.extrapolation == 1 else { return isolation }
        return isolation + (1 - isolation) * (1 - exp(-fitted.range.excess(vector)))
    }

    public mutating func learn(_ point: Point) {
        guard point.value.isFinite else { return }
        if let vector = configuration.features.vector(newest: point.value, recent: history) {
            training.append(vector)
        }
        history.append(point.value)
        pointsSinceFit += 1
        let due = fitted == nil ? training.count >= configuration.minimumTraining : pointsSinceFit >= configuration.refitInterval
        if due { refit() }
    }

    private mutating func refit() {
        let rows = training.elements
        guard let matrix = try? Matrix(rowArrays: rows) else { return }
        let scaler = StandardScaler(fitting: matrix)
        let scaled = scaler.transform(matrix)
        guard let forest = try? IsolationForest.fit(
            scaled, trees: configuration.trees, sampleSize: configuration.sampleSize,
            seed: configuration.seed &+ UInt64(truncatingIfNeeded: fitCount))
        else { return }
        let threshold = configuration.contamination.threshold(trainingScores: forest.score(scaled))
        fitted = Fit(scaler: scaler, forest: forest, threshold: threshold, range: FeatureRange(scaled))
        fitCount &+= 1
        pointsSinceFit = 0
    }
}

extension IsolationForestDetector {
    private enum CodingKeys: String, CodingKey {
        case configuration, history, training, fitted, pointsSinceFit, fitCount
    }

    /// Decodes a saved detector, refusing one whose parts do not fit together (a damaged or
    /// edited model): buffers sized as its configuration sizes them, and every feature vector,
    /// scaler, forest and range of as many features as its configuration computes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        configuration = try container.decode(Configuration.self, forKey: .configuration)
        history = try container.decode(RingBuffer<Double>.self, forKey: .history)
        training = try container.decode(RingBuffer<[Double]>.self, forKey: .training)
        fitted = try container.decodeIfPresent(Fit.self, forKey: .fitted)
        pointsSinceFit = try container.decode(Int.self, forKey: .pointsSinceFit)
        fitCount = try container.decode(Int.self, forKey: .fitCount)
        do { try configuration.validate() } catch { throw container.unsound("isolation forest detector", error.message) }
        let features = configuration.features.names.count
        guard history.capacity == max(configuration.features.history - 1, 1), training.capacity == configuration.trainingWindow else {
            throw container.unsound("isolation forest detector",
                                    "buffers of \(history.capacity) and \(training.capacity) for a configuration that keeps other sizes")
        }
        guard training.elements.allSatisfy({ $0.count == features }) else {
            throw container.unsound("isolation forest detector", "a training vector without \(features) features")
        }
        if let fitted {
            let sizes = [fitted.scaler.means.count, fitted.scaler.scales.count, fitted.forest.featureCount,
                         fitted.range.lower.count, fitted.range.upper.count]
            guard sizes.allSatisfy({ $0 == features }) else {
                throw container.unsound("isolation forest detector", "a fit of \(sizes) features for \(features)")
            }
        }
    }
}
