/// A condition on one label, as in Alertmanager routes, silences and inhibition rules:
/// `name="value"`, `name!="value"`, `name=~"regex"` or `name!~"regex"`.
///
/// A missing label matches as the empty string, and regular expressions must match the whole
/// value, as in Alertmanager.
public struct LabelMatcher: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the label value is compared.
    public enum Operator: String, Sendable, Hashable, Codable, CaseIterable {
        /// The value equals the matcher's value.
        case equal = "="
        /// The value differs from the matcher's value.
        case notEqual = "!="
        /// The whole value matches the regular expression.
        case matchesRegex = "=~"
        /// The whole value does not match the regular expression.
        case doesNotMatchRegex = "!~"
    }

    /// The label's name.
    public let name: String
    /// The comparison.
    public let op: Operator
    /// The value or regular expression compared with.
    public let value: String
    private let pattern: AnchoredPattern?

    /// Creates a matcher; throws when a regular expression does not compile.
    public init(_ name: String, _ op: Operator, _ value: String) throws(AlertingError) {
        self.name = name
        self.op = op
        self.value = value
        switch op {
        case .equal, .notEqual: pattern = nil
        case .matchesRegex, .doesNotMatchRegex: pattern = try AnchoredPattern(value)
        }
    }

    private init(name: String, op: Operator, literal: String) {
        self.name = name
        self.op = op
        value = literal
        pattern = nil
    }

    /// `name="value"`.
    public static func equal(_ name: String, _ value: String) -> LabelMatcher {
        LabelMatcher(name: name, op: .equal, literal: value)
    }

    /// `name!="value"`.
    public static func notEqual(_ name: String, _ value: String) -> LabelMatcher {
        LabelMatcher(name: name, op: .notEqual, literal: value)
    }

    /// Whether a label set satisfies the matcher.
    public func matches(_ labels: [String: String]) -> Bool {
        let actual = labels[name] ?? ""
        switch op {
        case .equal: return actual == value
        case .notEqual: return actual != value
        case .matchesRegex: return pattern!.matches(actual)
        case .doesNotMatchRegex: return !pattern!.matches(actual)
        }
    }

    /// The matcher as Alertmanager writes it, e.g. `severity=~"warning|critical"`.
    public var description: String {
        "\(name)\(op.rawValue)\(LabelText.quoted(value))"
    }

    private enum CodingKeys: String, CodingKey {
        case name, op, value
    }

    /// Decodes `name`, `op` and `value`, compiling regular expressions again.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(try container.decode(String.self, forKey: .name),
                      try container.decode(Operator.self, forKey: .op),
                      try container.decode(String.self, forKey: .value))
    }

    /// Encodes `name`, `op` and `value`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(op, forKey: .op)
        try container.encode(value, forKey: .value)
    }
}

extension Array where Element == LabelMatcher {
    /// Whether a label set satisfies every matcher (an empty list matches everything).
    public func matches(_ labels: [String: String]) -> Bool {
        allSatisfy { $0.matches(labels) }
    }
}
