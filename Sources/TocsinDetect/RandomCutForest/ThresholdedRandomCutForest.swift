import Foundation
import TocsinCore

/// A random cut forest with its own adaptive threshold, as AWS's
/// ThresholdedRandomCutForest puts one on top: the raw scores' recent mean and
/// deviation (exponentially weighted) set the bar, so that a series whose forest scores
/// run high does not alert all the time while a jump well above its usual scores does.
///
/// With `m` and `s` the recent mean and deviation of raw scores, a raw score `r` has the
/// margin `max(r - m, 0)` and the bar `max(zFactor · s, minimumRaw - m, 1e-9)`; the score
/// is `margin / (margin + bar)`: exactly 0.5, the default threshold, on the bar. Scores
/// are 0 until the forest gives output and `warmUp` raw scores have been seen.
public struct ThresholdedRandomCutForest: Detector, Hashable {
    public static let name = "thresholded-random-cut-forest"
    public static let stateVersion = 3

    /// Hyperparameters.
    public struct Configuration: DetectorConfiguration {
        /// Trees.
        public var trees = 50
        /// Points each tree samples.
        public var sampleSize = 256
        /// Consecutive values per point.
        public var shingleSize = 1
        /// Deviations above the recent mean at which the score is 0.5.
        public var zFactor = 3.0
        /// No raw score below this is ever at the bar: the plain forest's threshold, so the
        /// adaptive bar only ever raises it, for series whose scores run high.
        public var minimumRaw = 3.0
        /// Raw scores after which an observation's weight in the mean and deviation halves.
        public var halfLife = 500
        /// Raw scores seen before any score is given.
        public var warmUp = 100
        /// The seed.
        public var seed: UInt64 = 42

        /// Creates the default configuration.
        public init() {}

        /// Checks every value.
        public func validate() throws(DetectorError) {
            guard zFactor > 0, zFactor.isFinite else { throw DetectorError("zFactor must be positive, got \(zFactor)") }
            guard minimumRaw >= 0, minimumRaw.isFinite else { throw DetectorError("minimumRaw must not be negative, got \(minimumRaw)") }
            guard halfLife >= 1 else { throw DetectorError("halfLife must be at least 1, got \(halfLife)") }
            guard warmUp >= 2 else { throw DetectorError("warmUp must be at least 2, got \(warmUp)") }
            try forest.validate()
        }

        var forest: RandomCutForestDetector.Configuration {
            var settings = RandomCutForestDetector.Configuration()
            settings.trees = trees
            settings.sampleSize = sampleSize
            settings.shingleSize = shingleSize
            settings.seed = seed
            return settings
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    private var forest: RandomCutForestDetector
    private var mean = 0.0
    private var variance = 0.0
    private var seen = 0

    /// Creates an empty detector.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
        forest = try RandomCutForestDetector(configuration: configuration.forest)
    }

    public var defaultThreshold: Double { 0.5 }

    public func score(_ point: Point) -> Double {
        guard seen >= configuration.warmUp, let raw = raw(point) else { return 0 }
        let margin = max(raw - mean, 0)
        let bar = max(configuration.zFactor * variance.squareRoot(), configuration.minimumRaw - mean, 1e-9)
        return margin / (margin + bar)
    }

    public mutating func learn(_ point: Point) {
        if let raw = raw(point) {
            seen += 1
            let weight = seen == 1 ? 1 : max(1 / Double(seen), 1 - pow(0.5, 1 / Double(configuration.halfLife)))
            let change = raw - mean
            mean += weight * change
            variance = (1 - weight) * (variance + weight * change * change)
        }
        forest.learn(point)
    }

    /// The forest's raw score (about 1 for typical points), nil while it gives no output.
    private func raw(_ point: Point) -> Double? {
        forest.rawScore(point).flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
    }
}
