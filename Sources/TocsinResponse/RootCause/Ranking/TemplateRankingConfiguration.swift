/// The settings of ``TemplateRateRanker``.
public struct TemplateRankingConfiguration: Sendable, Hashable, Codable {
    /// The rate factor a template must exceed to count as changed (the null hypothesis of
    /// ``RateChangeTest`` is a change by exactly this factor), at least 1.
    public var tolerance = 1.5
    /// The prior occurrences spread over both windows and added to both rates in
    /// ``TemplateHint/rateRatio``, so that absent templates give finite ratios; above 0.
    public var pseudoCount = 0.5
    /// The multipliers of the surprise by the most severe level of a template.
    public var severityWeights = SeverityWeights()
    /// How many distinct example messages each hint carries.
    public var examplesPerHint = 3

    /// Creates the default configuration.
    public init() {}

    /// Checks every value.
    public func validate() throws(RootCauseError) {
        guard tolerance >= 1, tolerance.isFinite else {
            throw RootCauseError("tolerance must be a finite factor of at least 1, got \(tolerance)")
        }
        guard pseudoCount > 0, pseudoCount.isFinite else {
            throw RootCauseError("pseudoCount must be positive and finite, got \(pseudoCount)")
        }
        guard severityWeights.isValid else { throw RootCauseError("severity weights must be finite and non-negative") }
        guard examplesPerHint >= 0 else {
            throw RootCauseError("examplesPerHint must be at least 0, got \(examplesPerHint)")
        }
    }
}
