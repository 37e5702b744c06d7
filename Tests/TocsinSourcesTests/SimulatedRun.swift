import Foundation
import TocsinCore
import TocsinSources

/// A whole synthetic run, generated once per seed and shared by the tests.
struct SimulatedRun: Sendable {
    let cloud: SyntheticCloud
    /// Each series' values, one per tick.
    let values: [SeriesKey: [Double]]
    /// Each tick's log records.
    let logs: [[LogRecord]]

    /// The time of tick 0: 2026-11-21T00:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_795_219_200)
    /// The seeds of the cached runs.
    static let seeds: [UInt64] = [1, 2, 3]
    private static let cache: [UInt64: Result<SimulatedRun, SyntheticCloudError>] = Dictionary(
        uniqueKeysWithValues: seeds.map { seed in
            var configuration = SyntheticCloud.Configuration()
            configuration.seed = seed
            return (seed, Result { () throws(SyntheticCloudError) in try SimulatedRun(configuration: configuration) })
        })

    /// The default configuration's run with `seed` (one of ``seeds``).
    static func seeded(_ seed: UInt64) throws -> SimulatedRun {
        guard let run = cache[seed] else { throw SyntheticCloudError("no cached run for seed \(seed)") }
        return try run.get()
    }

    init(configuration: SyntheticCloud.Configuration) throws(SyntheticCloudError) {
        cloud = try SyntheticCloud(configuration: configuration)
        var values: [SeriesKey: [Double]] = [:]
        var logs: [[LogRecord]] = []
        for index in 0..<configuration.totalTicks {
            var records: [LogRecord] = []
            for event in cloud.tick(index, start: Self.start) {
                switch event {
                case let .point(key, point): values[key, default: []].append(point.value)
                case let .log(record): records.append(record)
                }
            }
            logs.append(records)
        }
        self.values = values
        self.logs = logs
    }

    /// The values of `metric` on `instance` of `service`.
    func series(_ metric: SyntheticMetric, _ service: String, _ instance: String) -> [Double] {
        values[metric.key(service: service, instance: instance)] ?? []
    }

    /// The values of `metric` on the incident's instance.
    func series(_ metric: SyntheticMetric, of incident: InjectedIncident) -> [Double] {
        series(metric, incident.service, incident.instance)
    }

    /// Ticks that are normal for the incident's instance: after the warm-up, outside
    /// every incident on it and every heavy-load period.
    func normalTicks(of instance: String) -> [Int] {
        let busy = cloud.incidents.filter { $0.instance == instance }.map(\.ticks) + cloud.heavyLoadPeriods
        return (cloud.configuration.warmUpTicks..<cloud.configuration.totalTicks).filter { tick in
            !busy.contains { $0.contains(tick) }
        }
    }
}

/// Small statistics over samples.
enum Stats {
    static func mean(_ values: some Collection<Double>) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    static func median(_ values: some Collection<Double>) -> Double {
        quantile(values, 0.5)
    }

    static func quantile(_ values: some Collection<Double>, _ q: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))]
    }
}
