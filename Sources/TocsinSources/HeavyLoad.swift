/// A period of heavy but normal traffic across the whole fleet: requests rise to `peak`
/// times their usual level, easing in over the first quarter of the period and out over
/// the last, and CPU, latency and memory follow as they do for any traffic.
struct HeavyLoad: Sendable, Hashable {
    /// The ticks it lasts.
    let ticks: ClosedRange<Int>
    /// The traffic multiplier on the plateau.
    let peak: Double

    /// The peak multipliers drawn from.
    static let peaks = 1.5...1.8
    /// The durations drawn from, in ticks.
    static let durations = 30...60

    /// The traffic multiplier at `tick`: 1 outside the period.
    func factor(at tick: Int) -> Double {
        guard ticks.contains(tick) else { return 1 }
        let position = Double(tick - ticks.lowerBound + 1) / Double(ticks.count + 1)
        let edge = min(position, 1 - position) * 4
        let ramp = min(edge, 1)
        return 1 + (peak - 1) * ramp * ramp * (3 - 2 * ramp)
    }
}
