/// Which way a template's rate moved from the baseline window to the anomaly window.
public enum TemplateChange: String, Sendable, Hashable, Codable {
    /// The template did not occur in the baseline window.
    case new
    /// The template occurred at a higher rate than in the baseline window.
    case surge
    /// The template occurred at a lower rate (or not at all), e.g. a heartbeat that stopped.
    case drop
}
