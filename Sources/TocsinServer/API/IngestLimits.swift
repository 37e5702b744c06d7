import Foundation

/// What ingest accepts.
public struct IngestLimits: Sendable, Hashable {
    /// The largest request body, in bytes.
    public var maxBodyBytes = 10 * 1024 * 1024
    /// The most distinct series the store may hold.
    public var maxSeries = 100_000
    /// How far in the future a timestamp may be, in seconds.
    public var maxFuture: TimeInterval = 86_400
    /// How far in the past a timestamp may be, in seconds.
    public var maxPast: TimeInterval = 5 * 365 * 86_400
    /// The most labels on one series.
    public var maxLabels = 32

    /// The defaults.
    public init() {}
}
