import Foundation
import TocsinCore

/// A random cut forest over shingles of a univariate stream: each point is scored as the
/// vector of the last `shingleSize` values, so that a change in shape, not only in level,
/// stands out. The raw forest score (about 1 for typical shingles) is mapped to
/// `raw / (raw + 1)`: 0.5 for a typical point, 0.75 at a raw score of 3 (the default
/// threshold). Scores are 0 until `outputAfter` shingles have been learned.
public struct RandomCutForestDetector: Detector, Hashable {
    public static let name = "random-cut-forest"
    public static let stateVersion = 3

    /// Hyperparameters.
    public struct Configuration: DetectorConfiguration {
        /// Trees.
        public var trees = 50
        /// Points each tree samples.
        public var sampleSize = 256
        /// Consecutive values per point.
        public var shingleSize = 1
        /// The samplers' decay per point; nil is 1 / (10 · sampleSize).
        public var timeDecay: Double?
        /// Shingles learned before scores are given.
        public var outputAfter = 64
        /// The raw score at the default threshold.
        public var rawThreshold = 3.0
        /// The seed.
        public var seed: UInt64 = 42

        /// Creates the default configuration.
        public init() {}

        /// Checks every value.
        public func validate() throws(DetectorError) {
            guard (1...256).contains(shingleSize) else { throw DetectorError("shingleSize must be in 1...256, got \(shingleSize)") }
            guard outputAfter >= 1 else { throw DetectorError("outputAfter must be at least 1, got \(outputAfter)") }
            guard rawThreshold > 0, rawThreshold.isFinite else { throw DetectorError("rawThreshold must be positive, got \(rawThreshold)") }
            try forest.validate()
        }

        var forest: RandomCutForest.Configuration {
            var settings = RandomCutForest.Configuration(dimensions: shingleSize)
            settings.trees = trees
            settings.sampleSize = sampleSize
            settings.timeDecay = timeDecay
            settings.seed = seed
            return settings
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    private var forest: RandomCutForest
    private var shingle: [Double] = []

    /// Creates an empty detector.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
        forest = try RandomCutForest(configuration: configuration.forest)
    }

    public var defaultThreshold: Double { RandomCutForest.unitScore(configuration.rawThreshold) }

    public func score(_ point: Point) -> Double {
        rawScore(point).map(RandomCutForest.unitScore) ?? 0
    }

    /// The forest's raw score of `point` (about 1 for typical points); nil while the
    /// detector gives no output or for a value that is not finite.
    public func rawScore(_ point: Point) -> Double? {
        guard point.value.isFinite, forest.pointsSeen >= configuration.outputAfter, let next = shingled(point.value) else { return nil }
        return forest.score(next)
    }

    public mutating func learn(_ point: Point) {
        guard point.value.isFinite else { return }
        shingle.append(point.value)
        if shingle.count > configuration.shingleSize { shingle.removeFirst() }
        if shingle.count == configuration.shingleSize { forest.update(shingle) }
    }

    /// Scores the point and learns it, building its shingle once.
    public mutating func process(_ point: Point) -> Double {
        guard point.value.isFinite else { return 0 }
        shingle.append(point.value)
        if shingle.count > configuration.shingleSize { shingle.removeFirst() }
        guard shingle.count == configuration.shingleSize else { return 0 }
        let result = forest.pointsSeen >= configuration.outputAfter ? RandomCutForest.unitScore(forest.score(shingle)) : 0
        forest.update(shingle)
        return result
    }

    /// Which of the last `shingleSize` values (oldest first) moved the score of `point`,
    /// above or below what the forest has seen; nil before the first full shingle.
    public func attribution(_ point: Point) -> (above: [Double], below: [Double])? {
        guard let next = shingled(point.value) else { return nil }
        return forest.attribution(next)
    }

    private func shingled(_ value: Double) -> [Double]? {
        guard shingle.count + 1 >= configuration.shingleSize else { return nil }
        return Array(shingle.suffix(configuration.shingleSize - 1)) + [value]
    }
}
