/// The ticks at which a new period can start without coming closer than a quiet gap to
/// any period already placed: a list of disjoint, ascending ranges.
struct FreeStarts {
    private var ranges: [ClosedRange<Int>]

    /// Starts for a period of `duration` ticks that begins at or after `earliest` and ends
    /// by `latestEnd`, at least `quiet` ticks away from every period in `placed`.
    init(duration: Int, earliest: Int, latestEnd: Int, quiet: Int, placed: [ClosedRange<Int>]) {
        let latestStart = latestEnd - duration + 1
        ranges = earliest <= latestStart ? [earliest...latestStart] : []
        for period in placed {
            let blockedFrom = period.lowerBound - quiet - duration + 1
            let blockedTo = period.upperBound + quiet
            ranges = ranges.flatMap { Self.subtract(blockedFrom...blockedTo, from: $0) }
        }
    }

    /// Keeps only the starts from which all `duration` ticks lie in one low-load half
    /// of the daily cycle: the `cycle / 2` ticks centred on each multiple of `cycle`.
    mutating func keepLowLoad(duration: Int, cycle: Int) {
        let quarter = cycle / 4
        let lastOffset = cycle / 2 - duration
        guard lastOffset >= 0 else {
            ranges = []
            return
        }
        ranges = ranges.flatMap { range -> [ClosedRange<Int>] in
            let firstCycle = (range.lowerBound + quarter).floorDivided(by: cycle)
            let lastCycle = (range.upperBound + quarter).floorDivided(by: cycle)
            return (firstCycle...lastCycle).compactMap { index -> ClosedRange<Int>? in
                let windowStart = index * cycle - quarter
                let lower = max(range.lowerBound, windowStart)
                let upper = min(range.upperBound, windowStart + lastOffset)
                return lower <= upper ? lower...upper : nil
            }
        }
    }

    /// How many starts there are.
    var count: Int { ranges.reduce(0) { $0 + $1.count } }

    /// The start at `position` in 0..<count, counting through the ranges in order.
    func start(at position: Int) -> Int? {
        var remaining = position
        for range in ranges {
            if remaining < range.count { return range.lowerBound + remaining }
            remaining -= range.count
        }
        return nil
    }

    private static func subtract(_ blocked: ClosedRange<Int>, from range: ClosedRange<Int>) -> [ClosedRange<Int>] {
        guard blocked.overlaps(range) else { return [range] }
        var pieces: [ClosedRange<Int>] = []
        if range.lowerBound < blocked.lowerBound { pieces.append(range.lowerBound...(blocked.lowerBound - 1)) }
        if blocked.upperBound < range.upperBound { pieces.append((blocked.upperBound + 1)...range.upperBound) }
        return pieces
    }
}
