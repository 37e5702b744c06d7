import TocsinCore

/// The Contextual Anomaly Detector (CAD OSE, Mikhail Smirnov 2016; "CAD OSE" on the NAB
/// scoreboard), reimplemented.
///
/// Each value is placed in a range and quantized into a few bits, one fact per bit. A
/// step's facts are those bits plus one fact per context active in the previous step. The
/// detector remembers contexts, pairs of "these facts held, then those did", and counts
/// how often each was confirmed. A value's score is the mean of two shares: of the
/// contexts the previous step selected, those the value did not confirm; of the candidate
/// contexts the step proposes, those that are new. With `scoring` `.unpredicted` a value
/// whose bits the best-rated contexts all predicted scores 0. After a score of at least
/// `restThreshold`, scores are 0 for `restPeriod` values.
///
/// The range comes from ``prepare(for:)``'s hints when they hold a minimum and a maximum,
/// as in NAB; otherwise it is the range of the first `rangeWarmUp` values, which are then
/// replayed. Either way it widens when a value leaves it. With NAB's hints and the default
/// configuration the scores equal NAB's published ones, score for score, until the memory
/// first exceeds `maxContexts`; from then on the least recently used contexts are forgotten,
/// which bounds memory (about 200 bytes per context) and time per value.
public struct ContextualAnomalyDetector: SinglePassDetector {
    public static let name = "contextual-anomaly"
    public static let stateVersion = 1

    /// The hyperparameters.
    public let configuration: Configuration
    private var sequence: ContextSequence
    private var valueFacts: ValueFacts?
    private var rest: RawScoreRest
    /// Values held back until the range is known (only without range hints).
    private var rangeWarmUpValues: [Double] = []

    /// Creates an empty detector.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
        sequence = ContextSequence(maxActiveContexts: configuration.maxActiveContexts,
                                   maxProposalLeftLength: configuration.maxLeftSemiContextLength,
                                   predicts: configuration.scoring == .unpredicted)
        rest = RawScoreRest(length: configuration.restPeriod ?? Configuration.restPeriod(forLength: nil),
                          threshold: configuration.restThreshold)
    }

    public var defaultThreshold: Double { 0.7 }

    /// The contexts remembered (at most `maxContexts`).
    public var contextCount: Int { sequence.memory.records.count }

    /// Takes the series' range as the initial range and, unless `restPeriod` is set, sets
    /// the rest period from its length as NAB does. Ignored once values have streamed.
    public mutating func prepare(for hints: SeriesHints) {
        guard sequence.steps == 0, rangeWarmUpValues.isEmpty else { return }
        if let minimum = hints.minimum, let maximum = hints.maximum, minimum.isFinite, maximum.isFinite, minimum <= maximum {
            valueFacts = ValueFacts(bits: configuration.valueBits, base: configuration.valueFactBase, minimum: minimum, maximum: maximum)
        }
        if configuration.restPeriod == nil {
            rest = RawScoreRest(length: Configuration.restPeriod(forLength: hints.length), threshold: configuration.restThreshold)
        }
    }


    public mutating func process(_ point: Point) -> Double {
        let value = point.value
        guard value.isFinite else { return 0 }
        if valueFacts == nil {
            rangeWarmUpValues.append(value)
            guard rangeWarmUpValues.count >= configuration.rangeWarmUp else { return 0 }
            valueFacts = ValueFacts(bits: configuration.valueBits, base: configuration.valueFactBase,
                                    spanning: rangeWarmUpValues, margin: configuration.rangeMargin)
            let replay = rangeWarmUpValues
            rangeWarmUpValues = []
            for value in replay { _ = step(value) }
            return 0
        }
        return step(value)
    }

    /// Learns a finite value once the range is known and returns its score.
    private mutating func step(_ value: Double) -> Double {
        guard var facts = valueFacts else { return 0 }
        facts.widen(toInclude: value, margin: configuration.rangeMargin)
        valueFacts = facts
        let current = facts.facts(value)
        let surprising = configuration.scoring == .every || current.contains { !sequence.predictedFacts.contains($0) }
        let outcome = sequence.step(current)
        if sequence.memory.records.count > configuration.maxContexts {
            sequence.evict(keeping: configuration.maxContexts * 3 / 4)
        }
        let raw = surprising ? (1 - outcome.confirmedShare + outcome.novelShare) / 2 : 0
        return rest.report(raw)
    }
}
