extension ContextualAnomalyDetector {
    /// Hyperparameters (the reference's and NAB's by default).
    public struct Configuration: DetectorConfiguration {
        /// A raw score at least this starts a rest period.
        public var restThreshold = 0.75
        /// Values after a high score whose scores are 0; nil follows NAB: a fifth of the
        /// probation period, min(15 % of the hinted length, 750), or 150 without a length.
        public var restPeriod: Int?
        /// The most left facts a context proposed from an intersection may have.
        public var maxLeftSemiContextLength = 7
        /// The most active contexts whose facts carry into the next step.
        public var maxActiveContexts = 15
        /// Bits per value: the range is cut into 2^bits − 1 steps.
        public var valueBits = 3
        /// Values from which the range is learned when no hints give it.
        public var rangeWarmUp = 150
        /// Room left on each side of a learned range, and beyond a value that widens any
        /// range, as a fraction of the range's width.
        public var rangeMargin = 0.5
        /// The most contexts remembered. When there are more, the least recently used are
        /// forgotten until three quarters remain, with the semi-contexts only they used.
        public var maxContexts = 20_000

        /// Which values are scored.
        public var scoring = Scoring.every

        /// Creates the default configuration.
        public init() {}

        /// Checks every value.
        public func validate() throws(DetectorError) {
            guard restThreshold > 0, restThreshold.isFinite else {
                throw DetectorError("restThreshold must be positive, got \(restThreshold)")
            }
            if let restPeriod, restPeriod < 1 { throw DetectorError("restPeriod must be at least 1, got \(restPeriod)") }
            guard maxLeftSemiContextLength >= 1 else {
                throw DetectorError("maxLeftSemiContextLength must be at least 1, got \(maxLeftSemiContextLength)")
            }
            guard maxActiveContexts >= 1 else { throw DetectorError("maxActiveContexts must be at least 1, got \(maxActiveContexts)") }
            guard (1...16).contains(valueBits) else { throw DetectorError("valueBits must be in 1...16, got \(valueBits)") }
            guard valueBits + maxActiveContexts <= 64 else {
                throw DetectorError("valueBits + maxActiveContexts must be at most 64 (the facts of a step), got \(valueBits + maxActiveContexts)")
            }
            guard rangeWarmUp >= 2 else { throw DetectorError("rangeWarmUp must be at least 2, got \(rangeWarmUp)") }
            guard rangeMargin >= 0, rangeMargin.isFinite else { throw DetectorError("rangeMargin must be at least 0, got \(rangeMargin)") }
            guard maxContexts >= 100 else { throw DetectorError("maxContexts must be at least 100, got \(maxContexts)") }
        }

        /// The first value fact: 65,536 when scoring only unpredicted values, 0 otherwise, as
        /// in the respective reference versions (the facts' hashes break ties).
        var valueFactBase: Int { scoring == .unpredicted ? 65_536 : 0 }

        /// NAB's rest period for a series of `length` values: a fifth of its probation
        /// period, min(⌊0.15 · length⌋, 750), rounded down, at least 1.
        static func restPeriod(forLength length: Int?) -> Int {
            guard let probation = SeriesHints(length: length).nabProbation else { return 150 }
            return max(1, probation / 5)
        }
    }

    /// Which values get a score other than 0 (before the rest period).
    public enum Scoring: String, Sendable, Codable, Hashable {
        /// Every value, as in the code behind NAB's published CAD OSE scores (and NAB's
        /// current copy of the reference).
        case every
        /// Only values whose bits the best-rated contexts did not all predict, as in the
        /// version NAB carried for a while (its Python 2 copy that predicts value bits).
        case unpredicted
    }
}
