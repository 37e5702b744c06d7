/// How urgent an alert is, from least to most severe. Its raw value is the `severity` label.
public enum AlertSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Worth knowing, nobody needs to act.
    case info
    /// Needs attention during working hours.
    case warning
    /// Needs someone now.
    case critical

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
