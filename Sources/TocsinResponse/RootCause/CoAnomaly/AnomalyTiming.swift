/// When a co-anomalous series went anomalous relative to the target anomaly.
public enum AnomalyTiming: String, Sendable, Hashable, Codable {
    /// Before the target: a possible cause.
    case leading
    /// At the same time, within the configured tolerance.
    case simultaneous
    /// After the target: more likely an effect.
    case lagging
}
