import Foundation
import Testing
import TocsinCore
import TocsinSources

/// Each injected incident shows in its metrics, and only for its span.
@Suite("Injected incidents")
struct IncidentEffectTests {
    /// The run's incident of `kind`.
    static func incident(_ kind: IncidentKind, seed: UInt64) throws -> (SimulatedRun, InjectedIncident) {
        let run = try SimulatedRun.seeded(seed)
        return (run, try #require(run.cloud.incidents.first { $0.kind == kind }))
    }

    /// The metric's normal level on the incident's instance: median and 99th percentile over normal ticks.
    static func normal(_ run: SimulatedRun, _ metric: SyntheticMetric, of incident: InjectedIncident)
        -> (median: Double, high: Double) {
        let values = run.series(metric, of: incident)
        let normal = run.normalTicks(of: incident.instance).map { values[$0] }
        return (Stats.median(normal), Stats.quantile(normal, 0.99))
    }

    /// The values during the `count` ticks right after the incident.
    static func after(_ run: SimulatedRun, _ metric: SyntheticMetric, of incident: InjectedIncident, count: Int = 30) -> ArraySlice<Double> {
        run.series(metric, of: incident)[(incident.endTick + 1)...(incident.endTick + count)]
    }

    /// The values during the incident.
    static func during(_ run: SimulatedRun, _ metric: SyntheticMetric, of incident: InjectedIncident) -> ArraySlice<Double> {
        run.series(metric, of: incident)[incident.ticks]
    }

    @Test("a CPU spike pins the CPU far above normal and slows requests, then stops", arguments: SimulatedRun.seeds)
    func cpuSpike(seed: UInt64) throws {
        let (run, incident) = try Self.incident(.cpuSpike, seed: seed)
        let normal = Self.normal(run, .cpuUtilization, of: incident)
        let cpu = Self.during(run, .cpuUtilization, of: incident)
        #expect(cpu.allSatisfy { $0 >= 84 }, "\(cpu)")
        #expect(cpu.min() ?? 0 > normal.high + 20)
        let latency = Stats.mean(Self.during(run, .latency, of: incident))
        #expect(latency > 1.5 * Self.normal(run, .latency, of: incident).median)
        let requests = Stats.mean(Self.during(run, .requestRate, of: incident))
        #expect(requests < 1.5 * Self.normal(run, .requestRate, of: incident).median, "traffic stays normal")
        #expect(Self.after(run, .cpuUtilization, of: incident).allSatisfy { $0 < normal.high + 5 })
    }

    @Test("a memory leak climbs steadily at low load, then memory drops back", arguments: SimulatedRun.seeds)
    func memoryLeak(seed: UInt64) throws {
        let (run, incident) = try Self.incident(.memoryLeak, seed: seed)
        let memory = Array(Self.during(run, .memoryUtilization, of: incident))
        let normal = Self.normal(run, .memoryUtilization, of: incident)
        #expect(incident.ticks.count >= 100, "slow: a long span")
        let first = try #require(memory.first), last = try #require(memory.last)
        #expect(last > first + 30)
        // Monotonic-ish: every tenth of the span is higher than the one before it.
        let tenth = memory.count / 10
        let means = (0..<10).map { Stats.mean(memory[($0 * tenth)..<(($0 + 1) * tenth)]) }
        #expect(zip(means, means.dropFirst()).allSatisfy { $0 < $1 }, "\(means)")
        // Slow: per-tick steps are no larger than ordinary noise.
        let steps = zip(memory, memory.dropFirst()).map { $1 - $0 }
        #expect(Stats.mean(steps) < 0.5)
        // At low load: the instance serves less than its normal median traffic meanwhile.
        let requests = Stats.mean(Self.during(run, .requestRate, of: incident))
        #expect(requests < Self.normal(run, .requestRate, of: incident).median)
        // It stays within the normal range at first, and a static alarm at 80 % fires only
        // in its last quarter.
        let leavesNormal = try #require(memory.firstIndex { $0 > normal.high })
        #expect(leavesNormal >= memory.count / 15, "leaves the normal range at \(leavesNormal) of \(memory.count)")
        let alarm = try #require(memory.firstIndex { $0 >= 80 })
        #expect(Double(alarm) / Double(memory.count) > 0.75, "reaches 80 % at \(alarm) of \(memory.count)")
        #expect(last > 82)
        #expect(Self.after(run, .memoryUtilization, of: incident).allSatisfy { $0 < normal.high + 3 })
    }

    @Test("a brute-force burst is many auth failures for one user or from one address", arguments: SimulatedRun.seeds)
    func bruteForce(seed: UInt64) throws {
        let (run, incident) = try Self.incident(.bruteForce, seed: seed)
        let failures = Self.during(run, .authFailures, of: incident)
        let normal = Self.normal(run, .authFailures, of: incident)
        #expect(failures.allSatisfy { $0 >= 12 && $0 > normal.high + 5 }, "\(failures)")
        let records = incident.ticks.flatMap { run.logs[$0] }
            .filter { $0.instance == incident.instance && $0.fields["event"] == "auth_failure" }
        #expect(Double(records.count) == failures.reduce(0, +))
        let pattern = try #require(incident.attributes["pattern"])
        let field = pattern == "single_user" ? "user" : "source_ip"
        let attacker = try #require(incident.attributes[field])
        let byAttacker = records.filter { $0.fields[field] == attacker }.count
        #expect(Double(byAttacker) > 0.8 * Double(records.count))
        #expect(byAttacker >= 200)
        let other = field == "user" ? "source_ip" : "user"
        #expect(Set(records.compactMap { $0.fields[other] }).count > 20, "the other field varies")
        #expect(Self.after(run, .authFailures, of: incident).allSatisfy { $0 <= normal.high + 2 })
    }

    @Test("an error storm raises error_rate and the error logs with it", arguments: SimulatedRun.seeds)
    func errorStorm(seed: UInt64) throws {
        let (run, incident) = try Self.incident(.errorStorm, seed: seed)
        let normal = Self.normal(run, .errorRate, of: incident)
        let rates = Self.during(run, .errorRate, of: incident)
        #expect(rates.allSatisfy { $0 > 0.05 && $0 > 5 * normal.high }, "\(rates)")
        func errorLogs(_ ticks: some Sequence<Int>) -> Double {
            let count = ticks.reduce(0) { total, tick in
                total + run.logs[tick].filter { $0.instance == incident.instance && $0.level == .error }.count
            }
            return Double(count)
        }
        let stormRate = errorLogs(incident.ticks) / Double(incident.ticks.count)
        let normalTicks = run.normalTicks(of: incident.instance)
        let normalRate = errorLogs(normalTicks) / Double(normalTicks.count)
        #expect(stormRate > 10 * normalRate, "\(stormRate) vs \(normalRate) error logs per tick")
        #expect(Self.after(run, .errorRate, of: incident).allSatisfy { $0 < 2 * normal.high })
    }

    @Test("a latency regression steps latency up for its whole span, then recovers", arguments: SimulatedRun.seeds)
    func latencyRegression(seed: UInt64) throws {
        let (run, incident) = try Self.incident(.latencyRegression, seed: seed)
        let normal = Self.normal(run, .latency, of: incident)
        let latency = Self.during(run, .latency, of: incident)
        #expect(latency.allSatisfy { $0 > 1.4 * normal.median }, "stays up")
        #expect(Stats.mean(latency) > 1.7 * normal.median)
        let cpu = Stats.mean(Self.during(run, .cpuUtilization, of: incident))
        #expect(cpu < Self.normal(run, .cpuUtilization, of: incident).high, "not explained by load")
        #expect(Self.after(run, .latency, of: incident).allSatisfy { $0 < normal.high * 1.1 })
    }

    @Test("heavy load raises requests, CPU and latency together, within a normal envelope", arguments: SimulatedRun.seeds)
    func heavyLoad(seed: UInt64) throws {
        let run = try SimulatedRun.seeded(seed)
        for period in run.cloud.heavyLoadPeriods {
            let plateau = (period.lowerBound + period.count / 4)...(period.upperBound - period.count / 4)
            for key in run.cloud.series where key.name == SyntheticMetric.requestRate.rawValue {
                let service = try #require(key["service"]), instance = try #require(key["instance"])
                func ratio(_ metric: SyntheticMetric) -> Double {
                    let values = run.series(metric, service, instance)
                    let before = values[(period.lowerBound - 20)..<period.lowerBound]
                    return Stats.mean(values[plateau]) / Stats.mean(before)
                }
                let requests = ratio(.requestRate), cpu = ratio(.cpuUtilization), latency = ratio(.latency)
                #expect(requests > 1.3, "\(instance) requests ×\(requests)")
                #expect(cpu > 1.2 && cpu < requests * 1.1, "\(instance) CPU ×\(cpu), requests ×\(requests)")
                #expect(latency > 1.03 && latency < 1.8, "\(instance) latency ×\(latency)")
                let during = period.map { tick -> Double in run.series(.cpuUtilization, service, instance)[tick] }
                #expect(during.allSatisfy { $0 < 82 }, "\(instance) CPU stays below a spike's level")
                let errors = run.series(.errorRate, service, instance)[period]
                #expect(errors.allSatisfy { $0 < 0.02 }, "\(instance) errors stay normal")
                let memory = run.series(.memoryUtilization, service, instance)[period]
                #expect(memory.allSatisfy { $0 < 75 }, "\(instance) memory stays normal")
            }
            #expect(run.cloud.incidents.allSatisfy { !$0.ticks.overlaps(period) })
        }
    }
}
