import Foundation
import TocsinCore

/// A z-score against an exponentially weighted moving mean and variance (EWMA): each
/// value is compared with the mean and standard deviation of the values before it,
/// whose weights halve every `halfLife` values.
///
/// The moments are weighted averages whose weights sum to `W ← decay·W + 1`, updated
/// with step `1/W`: the first values get the plain running mean and variance, and the
/// weights settle into the usual EWMA with `α = 1 − decay` once `W` has grown to
/// `1/(1 − decay)`, so the start is not biased towards the first value. The standard
/// deviation is never taken below the data's resolution (``ValueResolution``) nor
/// `minimumSpread`; on a constant series every value scores 0 and the first different
/// one about 1.
///
/// The score is `z / (z + zThreshold)` on the watched `side` and 0 on the other (see
/// ``DeviationScore``): 0.5, the default threshold, at `zThreshold` standard deviations.
/// Scores are 0 until `warmUp` values have been seen.
public struct EWMAZScore: Detector, Hashable {
    public static let name = "ewma"
    public static let stateVersion = 1

    /// Hyperparameters.
    public struct Configuration: DetectorConfiguration {
        /// Values after which an observation's weight has halved.
        public var halfLife = 100.0
        /// Values to see before scoring.
        public var warmUp = 30
        /// Standard deviations at which the score reaches 0.5.
        public var zThreshold = 5.0
        /// Which departures from the mean count (`both` for a two-sided test).
        public var side = DeviationSide.both
        /// The smallest standard deviation, in the series' units.
        public var minimumSpread = 0.0

        /// Creates the default configuration.
        public init() {}

        /// Checks every value.
        public func validate() throws(DetectorError) {
            guard halfLife >= 1, halfLife.isFinite else { throw DetectorError("halfLife must be at least 1, got \(halfLife)") }
            guard warmUp >= 2 else { throw DetectorError("warmUp must be at least 2, got \(warmUp)") }
            guard zThreshold > 0, zThreshold.isFinite else { throw DetectorError("zThreshold must be a positive number, got \(zThreshold)") }
            guard minimumSpread >= 0, minimumSpread.isFinite else {
                throw DetectorError("minimumSpread must not be negative, got \(minimumSpread)")
            }
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    private var seen = 0
    private var weight = 0.0
    private var mean = 0.0
    private var variance = 0.0
    private var resolution = ValueResolution()

    /// Creates an empty detector.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
    }

    public var defaultThreshold: Double { 0.5 }

    public func score(_ point: Point) -> Double {
        guard seen >= configuration.warmUp, point.value.isFinite else { return 0 }
        let spread = max(variance.squareRoot(), resolution.step, configuration.minimumSpread, 1e-12 * max(abs(mean), 1))
        return DeviationScore.score(deviation: point.value - mean, spread: spread,
                                    side: configuration.side, zThreshold: configuration.zThreshold)
    }

    public mutating func learn(_ point: Point) {
        guard point.value.isFinite else { return }
        seen += 1
        weight = decay * weight + 1
        let step = 1 / weight
        let difference = point.value - mean
        mean += step * difference
        variance = (1 - step) * (variance + step * difference * difference)
        resolution.observe(point.value)
    }

    /// Per-value decay of the weights.
    private var decay: Double { pow(0.5, 1 / configuration.halfLife) }
}
