import Foundation

/// The settings of ``CoAnomalyRanker``.
public struct CoAnomalyConfiguration: Sendable, Hashable, Codable {
    /// How far before or after the target an anomaly may be, in seconds.
    public var window: TimeInterval = 300
    /// The labels that name the service and the instance of a series.
    public var labels = ScopeLabels()
    /// The lag, in seconds, at which the time weight of a series falls to 1/e.
    public var lagScale: TimeInterval = 60
    /// The weight of a series that shares only the service (one sharing the instance weighs 1), in [0, 1].
    public var serviceWeight = 0.5
    /// Lags up to this many seconds either way count as simultaneous.
    public var simultaneityTolerance: TimeInterval = 0

    /// Creates the default configuration.
    public init() {}

    /// Checks every value.
    public func validate() throws(RootCauseError) {
        guard window >= 0, window.isFinite else { throw RootCauseError("window must be finite and non-negative, got \(window)") }
        guard lagScale > 0, lagScale.isFinite else { throw RootCauseError("lagScale must be positive and finite, got \(lagScale)") }
        guard (0...1).contains(serviceWeight) else {
            throw RootCauseError("serviceWeight must be in [0, 1], got \(serviceWeight)")
        }
        guard simultaneityTolerance >= 0, simultaneityTolerance.isFinite else {
            throw RootCauseError("simultaneityTolerance must be finite and non-negative, got \(simultaneityTolerance)")
        }
    }
}
