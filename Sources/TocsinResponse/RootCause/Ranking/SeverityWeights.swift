import TocsinCore

/// Multipliers of a template's statistical surprise by its most severe log level, so that
/// changes in error and critical messages rank above equally surprising chatter.
public struct SeverityWeights: Sendable, Hashable, Codable {
    /// The weight of debug messages.
    public var debug = 0.5
    /// The weight of informational messages.
    public var info = 1.0
    /// The weight of warnings.
    public var warning = 1.5
    /// The weight of errors.
    public var error = 3.0
    /// The weight of critical messages.
    public var critical = 4.0

    /// Creates the default weights.
    public init() {}

    /// The weight of a level.
    public func weight(of level: LogRecord.Level) -> Double {
        switch level {
        case .debug: debug
        case .info: info
        case .warning: warning
        case .error: error
        case .critical: critical
        }
    }

    /// Whether every weight is finite and non-negative.
    var isValid: Bool {
        LogRecord.Level.allCases.allSatisfy { weight(of: $0).isFinite && weight(of: $0) >= 0 }
    }
}
