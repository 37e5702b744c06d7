/// What a co-anomalous series shares with the target series.
public enum SharedScope: String, Sendable, Hashable, Codable {
    /// The same instance (the instance label has the same value).
    case instance
    /// The same service but not the same instance.
    case service
}
