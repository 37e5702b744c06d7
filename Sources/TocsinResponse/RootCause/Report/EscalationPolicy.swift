/// When the log hints of a root-cause report are serious enough for the alerting layer to
/// raise the anomaly to critical.
public struct EscalationPolicy: Sendable, Hashable, Codable {
    /// The score from which a new or surging error-level template escalates.
    public var errorScore = 10.0

    /// Creates the default policy.
    public init() {}

    /// Whether any new or surging template among `hints` has a critical record, or has an
    /// error record and a score of at least ``errorScore``. Drops never escalate: errors
    /// that stopped are not a reason to page.
    public func escalates(_ hints: [TemplateHint]) -> Bool {
        hints.contains { hint in
            hint.change != .drop && (hint.maxLevel == .critical || (hint.maxLevel == .error && hint.score >= errorScore))
        }
    }

    /// Checks the value.
    func validate() throws(RootCauseError) {
        guard errorScore >= 0, errorScore.isFinite else {
            throw RootCauseError("errorScore must be finite and non-negative, got \(errorScore)")
        }
    }
}
