import Foundation

/// One observation of a univariate time series: a value at an instant.
public struct Point: Sendable, Hashable, Codable {
    /// When the value was observed.
    public var timestamp: Date
    /// The observed value.
    public var value: Double

    /// Creates a point.
    public init(timestamp: Date, value: Double) {
        self.timestamp = timestamp
        self.value = value
    }

    /// Creates a point from seconds since 1970-01-01 00:00:00 UTC.
    public init(epochSeconds: Double, value: Double) {
        self.init(timestamp: Date(timeIntervalSince1970: epochSeconds), value: value)
    }
}
