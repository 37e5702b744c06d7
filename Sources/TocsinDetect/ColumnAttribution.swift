/// A batch detector that says which input columns moved each row's score.
public protocol ColumnAttributing: BatchDetector {
    /// For each row of `data`, one weight per column: non-negative, adding up to 1
    /// (all 0 when no column stands out), larger for the columns that made the row
    /// look anomalous.
    func columnAttribution(_ data: Matrix) throws(DetectorError) -> [[Double]]
}

/// Turns raw per-column contributions into shares that add up to 1.
enum ColumnShares {
    /// `contributions` scaled to add up to 1; all 0 if they add up to 0 or are not finite.
    static func normalized(_ contributions: [Double]) -> [Double] {
        let total = contributions.reduce(0) { $0 + max(0, $1) }
        guard total > 0, total.isFinite else { return contributions.map { _ in 0 } }
        return contributions.map { max(0, $0) / total }
    }
}
