import TocsinCore

/// Tocsin's default streaming detector: three views of a series, each able to raise
/// an alarm, and a rest period after each alarm.
///
/// - **Shape**: a random cut forest rates how isolated each value is among recent
///   ones, and the anomaly likelihood stage asks whether the last few ratings are
///   unusual *for this series*, which keeps a noisy series quiet and lets a quiet one
///   speak at its first departure.
/// - **Range**: a value beyond the range seen so far is an alarm whatever the forest
///   says (``RangeNovelty``), which is how a slow leak announces itself.
/// - **Distribution**: the histogram of the last values matching none of the regimes
///   seen before is an alarm (``RelativeEntropyDetector``).
///
/// After an alarm the detector rests (``RestPeriod``), so one event raises one alarm.
/// Scores are on the likelihood's log scale (``AnomalyLikelihood/logScore(_:)``): 0
/// during probation, about 0.5 for a one-in-a-hundred-thousand run of forest scores,
/// 1 for a new extreme or a new regime.
public struct DefaultDetector: SinglePassDetector, Hashable {
    public static let name = "default"
    public static let stateVersion = 1

    /// Hyperparameters.
    public struct Configuration: DetectorConfiguration {
        /// Trees in the forest.
        public var trees = 50
        /// Points each tree samples.
        public var sampleSize = 256
        /// Points before any alarm when the series length is not known in advance
        /// (with a known length n, NAB's min(0.15·n, 750)).
        public var probation = 750
        /// How far beyond the range seen so far, as a fraction of it, is a new extreme;
        /// 0 turns the check off.
        public var noveltyTolerance = 0.05
        /// Which new extremes alarm: `up` (new highs, e.g. CPU or latency), `down` or `both`.
        public var noveltySide = DeviationSide.both
        /// Values in the relative-entropy window; 0 turns the distribution check off.
        public var distributionWindow = 52
        /// The alarm threshold on the log-likelihood scale.
        public var threshold = 0.52
        /// Points after an alarm with no other alarm; nil is a fifth of the probation.
        public var restPeriod: Int?
        /// The forest's seed.
        public var seed: UInt64 = 42

        /// Creates the default configuration.
        public init() {}

        /// Checks every value.
        public func validate() throws(DetectorError) {
            guard probation >= 2 else { throw DetectorError("probation must be at least 2, got \(probation)") }
            guard noveltyTolerance >= 0, noveltyTolerance.isFinite else {
                throw DetectorError("noveltyTolerance must be 0 or more, got \(noveltyTolerance)")
            }
            guard distributionWindow == 0 || distributionWindow >= 2 else {
                throw DetectorError("distributionWindow must be 0 (off) or at least 2, got \(distributionWindow)")
            }
            guard threshold > 0, threshold <= 1 else { throw DetectorError("threshold must be in (0, 1], got \(threshold)") }
            if let restPeriod, restPeriod < 0 { throw DetectorError("restPeriod must be 0 or more, got \(restPeriod)") }
            try forest.validate()
        }

        var distribution: RelativeEntropyDetector.Configuration {
            var settings = RelativeEntropyDetector.Configuration()
            settings.windowSize = max(2, distributionWindow)
            settings.rangeFrozenAfter = probation
            return settings
        }

        var forest: RandomCutForestDetector.Configuration {
            var settings = RandomCutForestDetector.Configuration()
            settings.trees = trees
            settings.sampleSize = sampleSize
            settings.seed = seed
            return settings
        }

        func stages(probation: Int) -> (likelihood: AnomalyLikelihood, rest: RestPeriod) {
            var settings = AnomalyLikelihood.Configuration()
            settings.probation = probation
            return (AnomalyLikelihood(configuration: settings), RestPeriod(threshold: threshold, length: restPeriod ?? probation / 5))
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    private var forest: RandomCutForestDetector
    private var likelihood: AnomalyLikelihood
    private var novelty: RangeNovelty
    private var distribution: RelativeEntropyDetector
    private var rest: RestPeriod
    private var seen = 0

    /// Creates an empty detector.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
        forest = try RandomCutForestDetector(configuration: configuration.forest)
        (likelihood, rest) = configuration.stages(probation: configuration.probation)
        novelty = RangeNovelty(tolerance: configuration.noveltyTolerance, side: configuration.noveltySide)
        distribution = try RelativeEntropyDetector(configuration: configuration.distribution)
    }

    public var defaultThreshold: Double { configuration.threshold }

    /// With the series length known, the probation is NAB's min(0.15·n, 750); a known
    /// range sets the distribution check's bins.
    public mutating func prepare(for hints: SeriesHints) {
        distribution.prepare(for: hints)
        guard seen == 0, let length = hints.length, length > 0, let probation = hints.nabProbation else { return }
        (likelihood, rest) = configuration.stages(probation: max(2, probation))
    }


    public mutating func process(_ point: Point) -> Double {
        guard point.value.isFinite else { return 0 }
        let raw = forest.process(point)
        var score = AnomalyLikelihood.logScore(likelihood.likelihood(rawScore: raw, value: point.value))
        if configuration.noveltyTolerance > 0, novelty.isNovel(point.value) { score = 1 }
        if configuration.distributionWindow > 0, distribution.process(point) >= distribution.defaultThreshold { score = 1 }
        novelty.learn(point.value)
        seen += 1
        guard seen > likelihood.configuration.probation else { return 0 }
        let reported = rest.apply(score)
        rest.advance(reported: reported)
        return reported
    }
}
