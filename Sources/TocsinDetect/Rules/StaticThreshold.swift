import Foundation
import TocsinCore

/// A static bound, the baseline users compare Tocsin with: values above `upper` or
/// below `lower` are anomalous.
///
/// When neither bound is configured they are learned once, as mean ± k·σ of the
/// first `warmUp` values, and then never move (scores are 0 during that warm-up).
/// The score is a logistic function of how far the value lies beyond the nearer bound:
/// exactly 0.5 on a bound (the default threshold), towards 1 far outside, towards 0
/// well inside. The distance is measured in σ for learned bounds, and in twentieths of
/// the band's width (or of the single bound's magnitude) for fixed ones, so that a
/// value 5 % of the bound beyond it scores about 0.73.
public struct StaticThreshold: Detector, Hashable {
    public static let name = "threshold"
    public static let stateVersion = 1

    /// Hyperparameters.
    public struct Configuration: DetectorConfiguration {
        /// The upper bound, if fixed.
        public var upper: Double?
        /// The lower bound, if fixed.
        public var lower: Double?
        /// Half-width of the learned band in standard deviations.
        public var k = 3.0
        /// Values used to learn the bounds when none is configured.
        public var warmUp = 100

        /// Creates the default configuration (bounds learned from the warm-up).
        public init() {}

        /// Checks every value.
        public func validate() throws(DetectorError) {
            if let upper, let lower, !(lower < upper) {
                throw DetectorError("lower (\(lower)) must be below upper (\(upper))")
            }
            guard k > 0, k.isFinite else { throw DetectorError("k must be a positive number, got \(k)") }
            guard warmUp >= 2 else { throw DetectorError("warmUp must be at least 2, got \(warmUp)") }
        }
    }

    /// The bounds in force and the scale of the score.
    struct Band: Sendable, Codable, Hashable {
        var lower: Double
        var upper: Double
        var scale: Double
    }

    /// The hyperparameters.
    public let configuration: Configuration
    private var band: Band?
    private var warmUpValues: [Double] = []

    /// Creates the detector; with a fixed bound it scores from the first value.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
        band = Self.fixedBand(configuration)
    }

    public var defaultThreshold: Double { 0.5 }

    public func score(_ point: Point) -> Double {
        guard let band, point.value.isFinite else { return 0 }
        let excess = max(point.value - band.upper, band.lower - point.value)
        return 1 / (1 + exp(-excess / band.scale))
    }

    public mutating func learn(_ point: Point) {
        guard band == nil, point.value.isFinite else { return }
        warmUpValues.append(point.value)
        guard warmUpValues.count >= configuration.warmUp else { return }
        let mean = warmUpValues.reduce(0, +) / Double(warmUpValues.count)
        let variance = warmUpValues.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(warmUpValues.count)
        let sigma = max(variance.squareRoot(), 1e-9 * max(abs(mean), 1))
        band = Band(lower: mean - configuration.k * sigma, upper: mean + configuration.k * sigma, scale: sigma)
        warmUpValues = []
    }

    private static func fixedBand(_ configuration: Configuration) -> Band? {
        switch (configuration.lower, configuration.upper) {
        case (nil, nil):
            return nil
        case let (lower?, upper?):
            return Band(lower: lower, upper: upper, scale: (upper - lower) / 20)
        case let (nil, upper?):
            return Band(lower: -.infinity, upper: upper, scale: max(abs(upper), 1) / 20)
        case let (lower?, nil):
            return Band(lower: lower, upper: .infinity, scale: max(abs(lower), 1) / 20)
        }
    }
}
