/// The failures the synthetic cloud can inject, each on one instance.
public enum IncidentKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A runaway process pins the CPU at 88–97 % for 8–20 ticks; latency rises with it,
    /// while the request rate stays normal.
    case cpuSpike
    /// Memory climbs linearly over a long span (a quarter to a third of a cycle) that lies
    /// entirely in the low-load half of the daily cycle, from its usual level to 84–88 %
    /// at the end, then drops back when the process restarts: a slow failure that stays
    /// within the normal daily range at first and that a static alarm at 80 % only
    /// catches in its last fifth or so.
    case memoryLeak
    /// 25–60 failed logins per tick for 10–25 ticks, either against one user from many
    /// addresses or from one address against many users (the incident's `attributes` say
    /// which, with the user or the address).
    case bruteForce
    /// Server errors jump to 8–30 % of requests for 10–30 ticks, with as many more error logs.
    case errorStorm
    /// A bad release: p95 latency steps up 1.8–2.5× and stays there for 40–90 ticks,
    /// until it is rolled back.
    case latencyRegression

    /// The metrics the incident visibly changes, the main one first.
    public var metrics: [SyntheticMetric] {
        switch self {
        case .cpuSpike: [.cpuUtilization, .latency]
        case .memoryLeak: [.memoryUtilization]
        case .bruteForce: [.authFailures]
        case .errorStorm: [.errorRate]
        case .latencyRegression: [.latency]
        }
    }

    /// How many ticks an incident of this kind lasts, for a daily cycle of `cycleTicks`.
    func durations(cycleTicks: Int) -> ClosedRange<Int> {
        switch self {
        case .cpuSpike: 8...20
        case .memoryLeak: cycleTicks / 4...cycleTicks / 3
        case .bruteForce: 10...25
        case .errorStorm: 10...30
        case .latencyRegression: 40...90
        }
    }
}
