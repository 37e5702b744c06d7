/// The hyperparameters of ``TemplateMiner`` (Drain's, with caps that bound memory).
public struct TemplateMinerConfiguration: Sendable, Hashable, Codable {
    /// The share of a template's tokens a message must repeat exactly to join it
    /// (Drain's similarity threshold `st`), in (0, 1].
    public var similarityThreshold = 0.4
    /// How many leading tokens route a message through the parse tree below the token-count
    /// layer (Drain's depth minus 2).
    public var prefixTokens = 2
    /// The most children of a parse-tree node; further distinct tokens share the `<*>` child.
    public var maxChildren = 100
    /// The most templates kept; beyond it the least recently seen tenth is forgotten.
    public var maxTemplates = 1_000
    /// The most tokens per message; longer messages end in one `<*>`.
    public var maxTokens = 64

    /// Creates the default configuration.
    public init() {}

    /// Checks every value.
    public func validate() throws(RootCauseError) {
        guard similarityThreshold > 0, similarityThreshold <= 1 else {
            throw RootCauseError("similarityThreshold must be in (0, 1], got \(similarityThreshold)")
        }
        guard prefixTokens >= 0 else { throw RootCauseError("prefixTokens must be at least 0, got \(prefixTokens)") }
        guard maxChildren >= 2 else { throw RootCauseError("maxChildren must be at least 2, got \(maxChildren)") }
        guard maxTemplates >= 1 else { throw RootCauseError("maxTemplates must be at least 1, got \(maxTemplates)") }
        guard maxTokens >= 1 else { throw RootCauseError("maxTokens must be at least 1, got \(maxTokens)") }
    }
}
