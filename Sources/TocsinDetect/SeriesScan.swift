import TocsinCore

/// The outcome of streaming one series through a detector.
public struct SeriesScan: Sendable, Hashable {
    /// One score per point, each computed before the point was learned.
    public var scores: [Double]
    /// The detector's threshold in force when each point was scored.
    public var thresholds: [Double]

    /// Indices of the points whose score reached the threshold in force.
    public var anomalies: [Int] {
        scores.indices.filter { scores[$0] > 0 && scores[$0] >= thresholds[$0] }
    }

    /// Streams `points` through `detector` (score, then learn) and records each score
    /// with the threshold in force at that moment.
    public static func run(_ detector: inout some Detector, over points: [Point]) -> SeriesScan {
        var scan = SeriesScan(scores: [], thresholds: [])
        scan.scores.reserveCapacity(points.count)
        scan.thresholds.reserveCapacity(points.count)
        for point in points {
            scan.thresholds.append(detector.defaultThreshold)
            scan.scores.append(detector.process(point))
        }
        return scan
    }
}
