/// The median and the spreads about it of the values in a ``SortedBlocks/RankIndex``,
/// each in O(log² n).
extension SortedBlocks.RankIndex {
    /// The median: the middle value, or the mean of the two middle ones. The index must
    /// not be empty.
    public var median: Double {
        let half = count / 2
        return count % 2 == 1 ? self[half] : (self[half - 1] + self[half]) / 2
    }

    /// The median absolute deviation from `center`: the median of `|x − center|`.
    /// The index must not be empty.
    public func medianAbsoluteDeviation(from center: Double) -> Double {
        let below = countBelow(center)
        let half = count / 2
        if count % 2 == 1 { return smallestDeviation(half, from: center, below: below) }
        return (smallestDeviation(half - 1, from: center, below: below) + smallestDeviation(half, from: center, below: below)) / 2
    }

    /// The mean absolute deviation from `center`: the mean of `|x − center|`.
    /// The index must not be empty.
    public func meanAbsoluteDeviation(from center: Double) -> Double {
        let below = countBelow(center)
        let sumBelow = sumOfSmallest(below)
        let total = center * Double(below) - sumBelow + (sum - sumBelow) - center * Double(count - below)
        return max(0, total / Double(count))
    }

    /// The `k`-th smallest (from 0) of the distances `|x − center|`, `below` being the
    /// number of values under `center`. The distances form two ascending runs, `center`
    /// minus the values under it from the nearest down, and the others minus `center`
    /// from the nearest up; the answer is found by bisecting how many of the `k + 1`
    /// smallest come from the first run.
    private func smallestDeviation(_ k: Int, from center: Double, below: Int) -> Double {
        let above = count - below
        func under(_ index: Int) -> Double { center - self[below - 1 - index] }
        func over(_ index: Int) -> Double { self[below + index] - center }
        var low = max(0, k + 1 - above)
        var high = min(k + 1, below)
        while true {
            let fromUnder = (low + high) / 2
            let fromOver = k + 1 - fromUnder
            if fromUnder < below, fromOver > 0, over(fromOver - 1) > under(fromUnder) {
                low = fromUnder + 1
            } else if fromUnder > 0, fromOver < above, under(fromUnder - 1) > over(fromOver) {
                high = fromUnder - 1
            } else {
                return max(fromUnder > 0 ? under(fromUnder - 1) : 0, fromOver > 0 ? over(fromOver - 1) : 0)
            }
        }
    }
}
