import Foundation
import TocsinCore

/// Numenta's anomaly likelihood (Ahmad et al. 2017): turns a stream of raw anomaly
/// scores into the probability that the recent scores are unusual *for this series*.
///
/// The short-term average of the raw scores (over ``Configuration/averagingWindow``)
/// is compared with a normal distribution fitted, every
/// ``Configuration/reestimationPeriod`` points, to the averages over a long history.
/// The likelihood is one minus the tail probability of the current average, so a
/// detector whose raw scores are always noisy stops alarming, while a quiet one alarms
/// at its first departure. A run of extreme tail values is damped after its first one,
/// and a flat series is never called anomalous. The stage is usable after any detector.
///
/// Points before ``Configuration/probation`` get the neutral likelihood 0.5.
public struct AnomalyLikelihood: Sendable, Codable, Hashable {
    /// The stage's parameters (Numenta's defaults, with NAB's probation split).
    public struct Configuration: Sendable, Codable, Hashable {
        /// Points before the first estimate; the first half is skipped when fitting
        /// (the detector's own warm-up), the second half is the first sample.
        public var probation = 750
        /// Raw scores kept for fitting the distribution.
        public var historicWindow = 8_640
        /// Points between re-fits of the distribution.
        public var reestimationPeriod = 100
        /// Raw scores averaged into the short-term score.
        public var averagingWindow = 10

        /// The default parameters.
        public init() {}

        /// Points skipped at the start of the history when fitting.
        var learningPeriod: Int { probation / 2 }
    }

    /// The fitted normal distribution of averaged raw scores.
    struct Distribution: Sendable, Codable, Hashable {
        var mean: Double
        var standardDeviation: Double

        /// Used when nothing can be learned (a flat series): nothing is ever unusual.
        static let null = Distribution(mean: 0.5, standardDeviation: 1e3)

        /// Two-sided tail probability of `average`, folded around the mean.
        func tail(_ average: Double) -> Double {
            let folded = average < mean ? 2 * mean - average : average
            return GaussianTail.upper((folded - mean) / standardDeviation)
        }
    }

    /// The parameters.
    public let configuration: Configuration
    private var rawScores: RingBuffer<Float>
    private var values: RingBuffer<Float>
    private var recentRaw: RingBuffer<Double>
    private var recentTotal = 0.0
    private var recentTails: RingBuffer<Double>
    private var distribution: Distribution?
    private var iteration = 0

    /// A fresh stage.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        rawScores = RingBuffer(capacity: configuration.historicWindow)
        values = RingBuffer(capacity: configuration.historicWindow)
        recentRaw = RingBuffer(capacity: configuration.averagingWindow)
        recentTails = RingBuffer(capacity: configuration.averagingWindow)
    }

    /// The likelihood that `rawScore` (given for `value`) ends a run of unusual scores,
    /// in [0, 1]; 0.5 during probation. Learns the score.
    public mutating func likelihood(rawScore: Double, value: Double) -> Double {
        defer {
            rawScores.append(Float(rawScore))
            values.append(Float(value))
            iteration += 1
        }
        guard iteration >= configuration.probation else { return 0.5 }
        if distribution == nil || iteration % configuration.reestimationPeriod == 0 { reestimate() }
        let fitted = distribution ?? .null
        remember(rawScore)
        let average = recentTotal / Double(recentRaw.count)
        let tail = fitted.tail(average)
        let previous = recentTails.count > 0 ? recentTails.recent(0) : 1
        recentTails.append(tail)
        let filtered = tail <= Self.redZone && previous <= Self.redZone ? Self.yellowZone : tail
        return 1 - filtered
    }

    /// Numenta's log scale for likelihoods: 0.5 maps to about 0.03, 0.99999 to 0.5,
    /// so that a threshold near 0.5 means "one in a hundred thousand".
    public static func logScore(_ likelihood: Double) -> Double {
        log(1.0000000001 - likelihood) / -23.02585084720009
    }

    /// A tail probability this small is a red alert; a second one in a row is damped.
    static let redZone = 1e-5
    /// What a repeated red alert is damped to.
    static let yellowZone = 1e-3

    private mutating func reestimate() {
        let history = rawScores.elements.map(Double.init)
        let shiftedOut = max(0, iteration - configuration.historicWindow)
        let skip = min(history.count, max(0, configuration.learningPeriod - shiftedOut))
        let averages = Self.movingAverages(history, window: configuration.averagingWindow)
        let sample = averages[skip...]
        let recentValues = values.elements.dropFirst(skip).map(Double.init)
        if sample.isEmpty || Self.variance(recentValues) < Self.flatVariance {
            distribution = .null
        } else {
            let mean = sample.reduce(0, +) / Double(sample.count)
            let variance = Self.variance(Array(sample))
            distribution = Distribution(mean: max(mean, Self.minimumMean),
                                        standardDeviation: max(variance, Self.minimumVariance).squareRoot())
        }
        recentRaw = RingBuffer(capacity: configuration.averagingWindow)
        recentTotal = 0
        history.suffix(configuration.averagingWindow).forEach { remember($0) }
        recentTails = RingBuffer(capacity: configuration.averagingWindow)
        let fitted = distribution ?? .null
        averages.suffix(configuration.averagingWindow).forEach { recentTails.append(fitted.tail($0)) }
    }

    private mutating func remember(_ rawScore: Double) {
        if recentRaw.isFull { recentTotal -= recentRaw.recent(recentRaw.count - 1) }
        recentRaw.append(rawScore)
        recentTotal += rawScore
    }

    /// Below this mean average score, a tiny blip would look like a disaster.
    private static let minimumMean = 0.03
    /// A floor on the fitted variance, for numerical safety.
    private static let minimumVariance = 0.0003
    /// Values varying less than this are a flat series.
    private static let flatVariance = 1.5e-5

    private static func movingAverages(_ scores: [Double], window: Int) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(scores.count)
        var total = 0.0
        for (index, score) in scores.enumerated() {
            total += score
            if index >= window { total -= scores[index - window] }
            result.append(total / Double(min(index + 1, window)))
        }
        return result
    }

    private static func variance(_ sample: [Double]) -> Double {
        guard !sample.isEmpty else { return 0 }
        let mean = sample.reduce(0, +) / Double(sample.count)
        return sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sample.count)
    }
}
