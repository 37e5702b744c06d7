/// A log template: the constant text of a family of log messages, with `<*>` standing for
/// the variable parts, e.g. `connection pool exhausted for db-<*>`.
public struct LogTemplate: Sendable, Hashable, Codable {
    /// The token that stands for a variable part of a message.
    public static let wildcard = "<*>"

    /// A stable identifier: the same template text always has the same id, in every process
    /// (see ``TemplateFingerprint``).
    public var id: String
    /// The template text: the message tokens joined by single spaces.
    public var text: String
    /// How many messages the template has absorbed.
    public var count: Int

    /// Creates a template from its text, deriving the id from the text.
    public init(text: String, count: Int) {
        self.id = TemplateFingerprint.id(of: text)
        self.text = text
        self.count = count
    }
}
