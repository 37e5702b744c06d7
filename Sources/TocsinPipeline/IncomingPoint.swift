import Foundation
import TocsinCore

/// A point accepted for ingest: stored under its series identifier, then detected.
public struct IncomingPoint: Sendable, Hashable {
    /// The series key.
    public var key: SeriesKey
    /// The store's identifier of the series.
    public var series: Int64
    /// The observation.
    public var point: Point

    /// Creates an incoming point.
    public init(key: SeriesKey, series: Int64, point: Point) {
        self.key = key
        self.series = series
        self.point = point
    }
}
