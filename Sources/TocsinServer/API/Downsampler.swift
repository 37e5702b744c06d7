import TocsinStore

/// Thins a series' points for drawing without losing what a chart must show: the range is
/// cut into buckets of equal point count, each keeping its lowest and highest value (in time
/// order), and every anomalous point (score at or above its threshold) is kept as well.
enum Downsampler {
    /// At most `maximum` points plus the anomalous ones; `points` itself when it is no longer.
    static func reduce(_ points: [ScoredPoint], to maximum: Int) -> [ScoredPoint] {
        guard points.count > maximum, maximum >= 2 else { return points }
        let buckets = maximum / 2
        var kept: [ScoredPoint] = []
        kept.reserveCapacity(maximum + 16)
        for bucket in 0..<buckets {
            let start = bucket * points.count / buckets
            let end = (bucket + 1) * points.count / buckets
            guard start < end else { continue }
            var low = start
            var high = start
            for index in start..<end {
                if points[index].value < points[low].value { low = index }
                if points[index].value > points[high].value { high = index }
            }
            for index in start..<end where index == low || index == high || isAnomalous(points[index]) {
                kept.append(points[index])
            }
        }
        return kept
    }

    /// Whether a point's score reached the threshold in force when it was scored.
    static func isAnomalous(_ point: ScoredPoint) -> Bool {
        guard let score = point.score, let threshold = point.threshold else { return false }
        return score >= threshold
    }
}
