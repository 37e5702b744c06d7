import Foundation

/// A regular expression that must match a whole label value, as Alertmanager anchors matcher
/// patterns. Two patterns are equal when their source text is.
struct AnchoredPattern: Sendable, Hashable {
    /// The pattern as written, without anchors.
    let source: String
    private let expression: NSRegularExpression

    /// Compiles `source` between `\A(?:` and `)\z`.
    init(_ source: String) throws(AlertingError) {
        do {
            expression = try NSRegularExpression(pattern: "\\A(?:\(source))\\z")
        } catch {
            throw AlertingError("invalid regular expression \"\(source)\"")
        }
        self.source = source
    }

    /// Whether the whole of `value` matches.
    func matches(_ value: String) -> Bool {
        expression.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }

    static func == (lhs: AnchoredPattern, rhs: AnchoredPattern) -> Bool {
        lhs.source == rhs.source
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}
