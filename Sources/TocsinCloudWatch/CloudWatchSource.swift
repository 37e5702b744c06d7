import Foundation
import Logging
import Synchronization
import TocsinAWS
import TocsinCore
import TocsinPipeline

/// AWS CloudWatch as a pull source: on every pull it finds the watched instances (by id or
/// by tag, asked of EC2 each time, so instances that are tagged later are picked up), and
/// reads every metric spec for each of them, plus the specs that are not per instance,
/// with batched GetMetricData calls (up to 500 queries each).
///
/// Each series keeps its own position: a pull returns the data points after the last one
/// it returned for that series, so polls leave no gaps and repeat nothing, even when some
/// data arrives late. Only complete periods are returned (a period ending at least `delay`
/// before now), because CloudWatch's value for the current period still changes. A series
/// seen for the first time starts `lookback` back (the backfill).
public final class CloudWatchSource: PullSource {
    /// What to read and how far back.
    public struct Settings: Sendable, Hashable {
        /// The watched instances.
        public var instances: InstanceSelection
        /// The metrics: EC2 CPU utilization per instance by default.
        public var metrics: [CloudWatchMetricSpec]
        /// How far back a series' first pull reaches, in seconds (14 days for training).
        public var lookback: TimeInterval
        /// How long after a period ends before it is read, in seconds.
        public var delay: TimeInterval

        /// Settings; by default the CPU utilization of the instances tagged `tocsin:monitor=true`,
        /// starting three hours back, each period read a minute after it ends.
        public init(instances: InstanceSelection = .tags(["tocsin:monitor": "true"]),
                    metrics: [CloudWatchMetricSpec] = [.cpuUtilization()], lookback: TimeInterval = 3 * 3_600,
                    delay: TimeInterval = 60) {
            self.instances = instances
            self.metrics = metrics
            self.lookback = lookback
            self.delay = delay
        }
    }

    /// What is read.
    public let settings: Settings
    private let cloudWatch: CloudWatchClient
    private let ec2: EC2Client
    private let region: String
    private let logger: Logger
    /// The newest timestamp returned so far, by series.
    private let returnedUntil = Mutex<[CloudWatchSeries: Date]>([:])
    /// The keys of the series returned so far.
    private let keys = Mutex<Set<SeriesKey>>([])
    /// The instances of the latest pull, to log changes.
    private let watched = Mutex<[String]?>(nil)

    /// A source reading through `cloudWatch`, finding instances through `ec2`; throws when a
    /// metric spec is one CloudWatch would refuse.
    public init(settings: Settings, cloudWatch: CloudWatchClient, ec2: EC2Client,
                logger: Logger = Logger(label: "tocsin.cloudwatch")) throws(AWSError) {
        if let problem = settings.metrics.lazy.compactMap(\.problem).first { throw AWSError(.invalidRequest, problem) }
        self.settings = settings
        self.cloudWatch = cloudWatch
        self.ec2 = ec2
        region = cloudWatch.query.core.configuration.region
        self.logger = logger
    }

    public var name: String { "cloudwatch:\(region)" }

    /// The complete periods not returned before, of every watched series.
    public func pull() async throws -> [(key: SeriesKey, point: Point)] {
        try await pull(now: Date())
    }

    /// The periods complete by `now` not returned before, of every watched series.
    public func pull(now: Date) async throws(AWSError) -> [(key: SeriesKey, point: Point)] {
        let series = try await watchedSeries()
        guard !series.isEmpty else { return [] }
        let cursors = returnedUntil.withLock { $0 }
        let earliest = now.addingTimeInterval(-settings.lookback)
        let start = series.map { item in
            cursors[item].map { $0.addingTimeInterval(TimeInterval(item.spec.period)) } ?? earliest
        }.min() ?? earliest
        let fetched = try await history(of: series, from: start, to: now)
        var points: [(key: SeriesKey, point: Point)] = []
        var advanced: [CloudWatchSeries: Date] = [:]
        for item in series {
            let after = cursors[item] ?? .distantPast
            let completeBy = now.addingTimeInterval(-settings.delay - TimeInterval(item.spec.period))
            let key = item.key
            for point in fetched[item] ?? [] where point.timestamp > after && point.timestamp <= completeBy {
                points.append((key, point))
                advanced[item] = point.timestamp
            }
        }
        returnedUntil.withLock { $0.merge(advanced) { max($0, $1) } }
        keys.withLock { $0.formUnion(advanced.keys.map(\.key)) }
        return points
    }

    /// Whether `key` is a series this source has returned points of.
    public func produced(_ key: SeriesKey) -> Bool {
        keys.withLock { $0.contains(key) }
    }

    /// The data points of `series` from `start` to `end`, oldest first, read with as few
    /// GetMetricData calls as CloudWatch allows; complete and partial periods alike.
    public func history(of series: [CloudWatchSeries], from start: Date, to end: Date) async throws(AWSError) -> [CloudWatchSeries: [Point]] {
        guard !series.isEmpty else { return [:] }
        let alignment = TimeInterval(series.map(\.spec.period).max() ?? 60)
        let alignedStart = Date(timeIntervalSince1970: (start.timeIntervalSince1970 / alignment).rounded(.down) * alignment)
        let queries = series.enumerated().map { $0.element.query(id: "q\($0.offset)") }
        let results = try await cloudWatch.getMetricData(queries, from: alignedStart, to: end)
        var byID: [String: [Point]] = [:]
        for result in results {
            if result.statusCode == "InternalError" || result.statusCode == "Forbidden" {
                logger.warning("CloudWatch answered \(result.statusCode) for \(result.label); it is asked again at the next pull")
                continue
            }
            let points = zip(result.timestamps, result.values).filter { $0.1.isFinite }.map { Point(timestamp: $0.0, value: $0.1) }
            byID[result.id] = points.sorted { $0.timestamp < $1.timestamp }
        }
        var history: [CloudWatchSeries: [Point]] = [:]
        for (index, item) in series.enumerated() { history[item] = byID["q\(index)"] ?? [] }
        return history
    }

    /// Every spec for every watched instance, and the specs that are not per instance.
    private func watchedSeries() async throws(AWSError) -> [CloudWatchSeries] {
        let instances = try await settings.instances.resolve(with: ec2)
        let previous = watched.withLock { state in
            defer { state = instances }
            return state
        }
        if previous != instances {
            logger.info("watching \(instances.count) instances: \(instances.joined(separator: ", "))")
        }
        return settings.metrics.flatMap { spec in
            spec.perInstance ? instances.map { CloudWatchSeries(spec: spec, instance: $0) } : [CloudWatchSeries(spec: spec)]
        }
    }
}
