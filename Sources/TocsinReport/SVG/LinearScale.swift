/// Maps a numeric domain linearly onto a range of drawing coordinates.
struct LinearScale: Sendable {
    /// The lowest and highest domain values.
    let domain: (low: Double, high: Double)
    /// The coordinates of the domain's low and high ends (the range may run backwards, as a
    /// y axis does).
    let range: (low: Double, high: Double)

    /// A scale from `domain` onto `range`; an empty or non-finite domain is widened so that
    /// the scale stays finite.
    init(domain low: Double, _ high: Double, range start: Double, _ end: Double) {
        var low = low.isFinite ? low : 0
        var high = high.isFinite ? high : low + 1
        if high <= low {
            let spread = low == 0 ? 1 : low.magnitude / 2
            (low, high) = (low - spread, low + spread)
        }
        domain = (low, high)
        range = (start, end)
    }

    /// The coordinate of `value`.
    func callAsFunction(_ value: Double) -> Double {
        range.low + (value - domain.low) / (domain.high - domain.low) * (range.high - range.low)
    }

    /// Round values inside the domain for axis ticks: multiples of a step of 1, 2 or 5 times
    /// a power of ten, chosen so that there are about `count` of them.
    func niceTicks(count: Int) -> [Double] {
        let rough = (domain.high - domain.low) / Double(max(count - 1, 1))
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        let step = [1.0, 2, 5].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        let first = Int((domain.low / step).rounded(.up))
        let last = Int((domain.high / step).rounded(.down))
        guard first <= last else { return [] }
        return (first...last).map { Double($0) * step }
    }
}
