/// Applies inhibition rules to the firing alerts of one moment, indexed so that checking an alert
/// costs one lookup per rule however many alerts fire.
///
/// As in Alertmanager, a label missing from both alerts counts as equal, and an alert that matches
/// both sides of a rule can only be inhibited by sources that do not also match the target side
/// (so such alerts never inhibit each other, nor themselves).
public struct Inhibitor: Sendable {
    /// For one rule: the `equal` label values of its sources, and whether some source with those
    /// values does not match the rule's target side.
    private struct RuleIndex: Sendable {
        let rule: InhibitRule
        var sources: [[String]: Bool] = [:]
    }

    private let indexes: [RuleIndex]

    /// Indexes the label sets of the firing alerts that may inhibit others.
    public init(rules: [InhibitRule], sources: [[String: String]]) {
        indexes = rules.map { rule in
            var index = RuleIndex(rule: rule)
            for source in sources where rule.sourceMatchers.matches(source) {
                let key = rule.equal.map { source[$0] ?? "" }
                index.sources[key] = (index.sources[key] ?? false) || !rule.targetMatchers.matches(source)
            }
            return index
        }
    }

    /// Whether some rule inhibits an alert with these labels.
    public func inhibits(_ target: [String: String]) -> Bool {
        indexes.contains { index in
            guard index.rule.targetMatchers.matches(target),
                  let someSourceMissesTarget = index.sources[index.rule.equal.map { target[$0] ?? "" }] else {
                return false
            }
            return someSourceMissesTarget || !index.rule.sourceMatchers.matches(target)
        }
    }
}
