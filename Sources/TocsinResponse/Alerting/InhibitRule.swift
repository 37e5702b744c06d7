/// An Alertmanager inhibition rule: while a firing alert matches the source matchers, alerts that
/// match the target matchers and carry the same values of the `equal` labels are not notified.
///
/// ``Inhibitor`` applies the rules.
public struct InhibitRule: Sendable, Hashable, Codable {
    /// What the inhibiting alert must match.
    public var sourceMatchers: [LabelMatcher]
    /// What the inhibited alert must match.
    public var targetMatchers: [LabelMatcher]
    /// Labels whose values must be the same in both alerts.
    public var equal: [String]

    /// Creates a rule.
    public init(sourceMatchers: [LabelMatcher], targetMatchers: [LabelMatcher], equal: [String]) {
        self.sourceMatchers = sourceMatchers
        self.targetMatchers = targetMatchers
        self.equal = equal
    }

    /// A critical alert on an instance inhibits warning alerts on the same instance. Both alerts must
    /// carry a non-empty `instance` label, so alerts without one never inhibit each other.
    public static let criticalInhibitsWarningOnSameInstance = InhibitRule(
        sourceMatchers: [.equal(Alert.severityLabel, AlertSeverity.critical.rawValue), .notEqual("instance", "")],
        targetMatchers: [.equal(Alert.severityLabel, AlertSeverity.warning.rawValue)],
        equal: ["instance"])
}
