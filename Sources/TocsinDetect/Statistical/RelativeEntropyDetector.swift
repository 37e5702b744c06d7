import TocsinCore

/// The multiple-hypothesis relative-entropy detector of Wang et al., "Statistical
/// techniques for online anomaly detection in data centers" (2011, figure 1), with the
/// settings of NAB's `relativeEntropy` detector.
///
/// Values are quantized into `bins` equal-width bins (numbered as ``ValueBins`` describes)
/// over the series' range: the range the ``SeriesHints`` give (NAB hands every detector
/// its file's minimum and maximum) or else the range seen so far, widened by
/// `rangeMargin` whenever a value falls outside it. Once `windowSize` values have been
/// seen, the histogram of the latest `windowSize` values (the current one included) is
/// tested against every hypothesis, a histogram of an earlier window: the statistic
/// `2·W·D(p̂ ‖ p)` (see ``WindowHypotheses``) below the chi-square critical value with
/// `bins − 1` degrees of freedom at `significance` accepts it. The window agrees with the
/// accepted hypothesis with the lowest statistic. The score is 1 when
///
/// - no hypothesis accepts the window, which then becomes a hypothesis of its own,
/// - or the accepted one has had no more than `rareAgreements` agreeing windows, this
///   one included (with the default of 1 this never happens: the rule is kept from the
///   paper for larger settings),
/// - or the window holds a value outside the range the hypotheses were binned over: the
///   range widens, the old hypotheses are forgotten and the window starts the new set,
///
/// and 0 otherwise; the very first window only forms the first hypothesis. With hints,
/// the defaults reproduce NAB's published `relativeEntropy` results.
public struct RelativeEntropyDetector: Detector, Hashable {
    public static let name = "relative-entropy"
    public static let stateVersion = 1

    /// Hyperparameters (NAB's by default).
    public struct Configuration: DetectorConfiguration {
        /// Values in each window (W).
        public var windowSize = 52
        /// Bins the values are quantized into (N).
        public var bins = 5
        /// The probability of wrongly rejecting a hypothesis that holds: the chi-square
        /// tail that sets the acceptance threshold.
        public var significance = 0.01
        /// A window agreeing with a hypothesis that has had at most this many agreeing
        /// windows, itself included, still scores 1 (the paper's c_th).
        public var rareAgreements = 1
        /// Without a hinted range, how far a range that has to grow grows beyond the new
        /// value, as a fraction of the new span.
        public var rangeMargin = 0.1
        /// Without a hinted range, the number of values after which the range stops
        /// growing (later values outside it fall into the edge bins), so that a new high
        /// no longer makes every regime new again; nil lets the range grow for ever.
        public var rangeFrozenAfter: Int?
        /// The most hypotheses kept; past it, the one agreed with least long ago is
        /// dropped, which bounds memory on an endless stream.
        public var maximumHypotheses = 1_000

        /// Creates the default configuration.
        public init() {}

        /// Checks every value.
        public func validate() throws(DetectorError) {
            guard windowSize >= 2 else { throw DetectorError("windowSize must be at least 2, got \(windowSize)") }
            guard bins >= 2 else { throw DetectorError("bins must be at least 2, got \(bins)") }
            guard significance > 0, significance < 1 else {
                throw DetectorError("significance must lie strictly between 0 and 1, got \(significance)")
            }
            guard rareAgreements >= 1 else { throw DetectorError("rareAgreements must be at least 1, got \(rareAgreements)") }
            guard rangeMargin >= 0, rangeMargin.isFinite else {
                throw DetectorError("rangeMargin must not be negative, got \(rangeMargin)")
            }
            if let rangeFrozenAfter, rangeFrozenAfter < 1 {
                throw DetectorError("rangeFrozenAfter must be at least 1, got \(rangeFrozenAfter)")
            }
            guard maximumHypotheses >= 1 else { throw DetectorError("maximumHypotheses must be at least 1, got \(maximumHypotheses)") }
        }
    }

    /// What a value does to the model, decided once for scoring and learning alike.
    private enum Step {
        /// The first window is still filling.
        case filling
        /// The window forms the first hypothesis of a (new) set.
        case restart([Int])
        /// The window agrees with the hypothesis at this index.
        case agree(Int)
        /// The window becomes a new hypothesis.
        case add([Int])
    }

    /// The hyperparameters.
    public let configuration: Configuration
    /// The statistic below which a hypothesis is accepted.
    public let acceptanceThreshold: Double
    private var window: RingBuffer<Double>
    private var valueBins: ValueBins?
    private var hypotheses = WindowHypotheses()
    private var seen = 0

    /// Creates an empty detector.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
        acceptanceThreshold = ChiSquare.upperQuantile(configuration.significance, degreesOfFreedom: configuration.bins - 1)
        window = RingBuffer(capacity: configuration.windowSize)
    }

    public var defaultThreshold: Double { 0.5 }

    /// The hypotheses formed so far.
    public var hypothesisCount: Int { hypotheses.count }

    /// Bins values over the hinted range, widened to take in any values already seen.
    public mutating func prepare(for hints: SeriesHints) {
        guard let minimum = hints.minimum, let maximum = hints.maximum,
              minimum.isFinite, maximum.isFinite, minimum <= maximum else { return }
        var hinted = ValueBins(lower: minimum, upper: maximum, count: configuration.bins)
        if let valueBins {
            hinted = hinted.widened(toInclude: valueBins.lower, margin: 0).widened(toInclude: valueBins.upper, margin: 0)
        }
        if hinted != valueBins { hypotheses.removeAll() }
        valueBins = hinted
    }

    public func score(_ point: Point) -> Double {
        guard point.value.isFinite else { return 0 }
        let (score, _, _) = assess(point.value)
        return score
    }

    public mutating func learn(_ point: Point) {
        _ = process(point)
    }

    public mutating func process(_ point: Point) -> Double {
        guard point.value.isFinite else { return 0 }
        let (score, step, bins) = assess(point.value)
        window.append(point.value)
        valueBins = bins
        seen += 1
        switch step {
        case .filling:
            break
        case .restart(let histogram):
            hypotheses.removeAll()
            hypotheses.add(histogram)
        case .agree(let index):
            hypotheses.agree(with: index)
        case .add(let histogram):
            hypotheses.add(histogram, limit: configuration.maximumHypotheses)
        }
        return score
    }

    /// The score of `value`, what learning it does, and the bins in force afterwards.
    private func assess(_ value: Double) -> (score: Double, step: Step, bins: ValueBins) {
        let frozen = configuration.rangeFrozenAfter.map { seen >= $0 } ?? false
        let bins = valueBins.map { frozen ? $0 : $0.widened(toInclude: value, margin: configuration.rangeMargin) }
            ?? ValueBins(lower: value, upper: value, count: configuration.bins)
        guard window.count + 1 >= configuration.windowSize else { return (0, .filling, bins) }
        let histogram = bins.histogram(of: window.elements.suffix(configuration.windowSize - 1) + [value])
        if hypotheses.isEmpty { return (0, .restart(histogram), bins) }
        if bins != valueBins { return (1, .restart(histogram), bins) }
        guard let index = hypotheses.bestAgreement(with: histogram, threshold: acceptanceThreshold) else {
            return (1, .add(histogram), bins)
        }
        let rare = hypotheses.agreements[index] + 1 <= configuration.rareAgreements
        return (rare ? 1 : 0, .agree(index), bins)
    }
}

extension RelativeEntropyDetector {
    private enum CodingKeys: String, CodingKey {
        case configuration, acceptanceThreshold, window, valueBins, hypotheses, seen
    }

    /// Decodes a saved detector, refusing one whose window or bins do not fit its
    /// configuration (a damaged or edited model).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        configuration = try container.decode(Configuration.self, forKey: .configuration)
        acceptanceThreshold = try container.decode(Double.self, forKey: .acceptanceThreshold)
        window = try container.decode(RingBuffer<Double>.self, forKey: .window)
        valueBins = try container.decodeIfPresent(ValueBins.self, forKey: .valueBins)
        hypotheses = try container.decode(WindowHypotheses.self, forKey: .hypotheses)
        seen = try container.decode(Int.self, forKey: .seen)
        do { try configuration.validate() } catch { throw container.unsound("relative entropy", error.message) }
        guard window.capacity == configuration.windowSize, valueBins.map({ $0.count == configuration.bins }) ?? true else {
            throw container.unsound("relative entropy",
                                    "a window of \(window.capacity) or \(valueBins?.count ?? 0) bins for a configuration of other sizes")
        }
    }
}
