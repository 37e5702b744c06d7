/// Slow random wander in [-1, 1] that is a pure function of the tick: random values at
/// knots `spacing` ticks apart, joined by smoothstep curves (one-dimensional value noise).
struct SmoothNoise {
    let seed: UInt64
    let purpose: StreamSeed.Purpose
    /// Which of the purpose's independent curves (e.g. a service or an instance index).
    let stream: Int
    /// Ticks between knots.
    let spacing: Int

    /// The wander at `tick`.
    func value(at tick: Int) -> Double {
        let knot = tick.floorDivided(by: spacing)
        let fraction = Double(tick - knot * spacing) / Double(spacing)
        let eased = fraction * fraction * (3 - 2 * fraction)
        let from = knotValue(knot)
        return from + (knotValue(knot + 1) - from) * eased
    }

    private func knotValue(_ knot: Int) -> Double {
        2 * StreamSeed.unit(seed, purpose, stream, knot) - 1
    }
}
