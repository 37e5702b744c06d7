import Foundation
import TocsinCore

/// How an instance's metrics follow its traffic, and how incidents bend them.
///
/// Traffic is the instance's average request rate times the daily cycle (±35 %), any
/// heavy-load surge, and a slow ±6 % wander its service's instances share. CPU grows in
/// proportion to the requests served; latency grows with CPU as a queue does; memory
/// rises a little with traffic; the error fraction a little with traffic. Each value
/// carries its own noise.
struct MetricModel: Sendable {
    /// The configuration's seed.
    let seed: UInt64
    /// Ticks per simulated day.
    let cycleTicks: Int
    /// The incidents and heavy-load periods.
    let schedule: Schedule

    /// Peak-to-average swing of the daily cycle.
    static let dailySwing = 0.35

    /// The metrics of `profile` at `tick`, with the incident on it, if any.
    func sample(_ profile: InstanceProfile, at tick: Int, incident: Schedule.Entry?) -> InstanceSample {
        var random = StreamSeed.generator(seed, .metrics, profile.index, tick)
        let cycle = daily(at: tick)
        let wander = SmoothNoise(seed: seed, purpose: .trafficWander, stream: profile.serviceIndex, spacing: 30)
        let load = cycle * schedule.heavyLoadFactor(at: tick) * (1 + 0.06 * wander.value(at: tick))
        let requestRate = max(0, profile.requestRate * load * (1 + random.nextGaussian(standardDeviation: 0.025)))
        let traffic = requestRate / profile.requestRate
        let kind = incident?.incident.kind
        let severity = incident?.severity ?? 0

        var cpu = profile.idleCPU + profile.busyCPU * traffic + random.nextGaussian(standardDeviation: 0.8)
        if kind == .cpuSpike { cpu = max(cpu, 88 + 9 * severity + random.nextGaussian(standardDeviation: 1.2)) }
        cpu = min(max(cpu, 0.5), 99.5)

        let reference = Self.queueing((profile.idleCPU + profile.busyCPU) / 100)
        var latency = profile.latency * Self.queueing(cpu / 100) / reference
            * exp(random.nextGaussian(standardDeviation: 0.04))
        if kind == .latencyRegression { latency *= 1.8 + 0.7 * severity }

        let memoryWander = SmoothNoise(seed: seed, purpose: .memoryWander, stream: profile.index, spacing: 60)
        var memory = profile.memory + 8 * (traffic - 1) + 1.5 * memoryWander.value(at: tick)
            + random.nextGaussian(standardDeviation: 0.35)
        if kind == .memoryLeak, let ticks = incident?.incident.ticks {
            let progress = Double(tick - ticks.lowerBound + 1) / Double(ticks.count)
            let usual = profile.memory + 8 * (daily(at: ticks.lowerBound) - 1)
            memory += (84 + 4 * severity - usual) * progress
        }
        memory = min(max(memory, 1), 99)

        let errorFraction = kind == .errorStorm ? 0.08 + 0.22 * severity : profile.errorRate * (0.7 + 0.3 * traffic)
        let errorRate = min(max(errorFraction * (1 + random.nextGaussian(standardDeviation: 0.15)), 0), 1)

        return InstanceSample(
            requestRate: Self.rounded(requestRate, places: 2), traffic: traffic,
            cpu: Self.rounded(cpu, places: 2), memory: Self.rounded(memory, places: 2),
            latency: Self.rounded(latency, places: 1), errorRate: Self.rounded(errorRate, places: 5),
            userAuthFailures: random.nextPoisson(mean: profile.authFailures * traffic),
            attackAuthFailures: kind == .bruteForce ? random.nextPoisson(mean: 25 + 35 * severity) : 0)
    }

    /// The daily cycle's traffic multiplier: lowest at multiples of `cycleTicks`.
    private func daily(at tick: Int) -> Double {
        1 - Self.dailySwing * cos(2 * .pi * Double(tick) / Double(cycleTicks))
    }

    /// Relative waiting time at a utilization: flat when idle, steep towards saturation.
    private static func queueing(_ utilization: Double) -> Double {
        1 / (1 - 0.7 * min(max(utilization, 0), 1))
    }

    private static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
