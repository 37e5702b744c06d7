import Foundation
import TocsinCore

/// A simulated fleet of services that emits metrics and logs with injected incidents:
/// Tocsin's built-in data source for demos and tests.
///
/// Each instance emits one point of every ``SyntheticMetric`` per tick, labelled with
/// `service` and `instance`, and a handful of structured logs. Traffic follows a daily
/// cycle compressed into ``Configuration/cycleTicks`` ticks; CPU, latency and memory
/// follow traffic. The incidents (``incidents``) and the fleet-wide periods of heavy but
/// normal traffic (``heavyLoadPeriods``) are drawn from the seed when the cloud is built.
///
/// Everything is a pure function of the configuration: ``tick(_:start:)`` computes any
/// tick on its own, with no clock and no state, so ticks can be generated on a schedule,
/// replayed, or computed out of order with the same result.
public struct SyntheticCloud: Sendable {
    /// The configuration.
    public let configuration: Configuration
    /// The injected incidents, in order of start: the ground truth.
    public let incidents: [InjectedIncident]
    /// The ticks of the heavy-but-normal traffic periods, in order; they are not incidents.
    public let heavyLoadPeriods: [ClosedRange<Int>]
    /// Every series the cloud emits, each once per tick, service by service and
    /// instance by instance in ``SyntheticMetric`` order.
    public let series: [SeriesKey]

    private let fleet: [InstanceProfile]
    private let schedule: Schedule
    private let metrics: MetricModel
    private let logs: LogGenerator

    /// Builds the fleet and draws the schedule.
    ///
    /// - Throws: ``SyntheticCloudError`` when the configuration is invalid or the
    ///   incidents and heavy-load periods do not fit the run.
    public init(configuration: Configuration = Configuration()) throws(SyntheticCloudError) {
        try configuration.validate()
        self.configuration = configuration
        fleet = InstanceProfile.fleet(configuration)
        schedule = try Schedule(configuration: configuration, fleet: fleet)
        incidents = schedule.incidents.map(\.incident)
        heavyLoadPeriods = schedule.heavyLoads.map(\.ticks)
        series = fleet.flatMap(\.keys)
        metrics = MetricModel(seed: configuration.seed, cycleTicks: configuration.cycleTicks, schedule: schedule)
        logs = LogGenerator(seed: configuration.seed, tickSeconds: configuration.tickSeconds)
    }

    /// The simulated time of tick `index` in a run that starts at `start`.
    public func time(ofTick index: Int, start: Date) -> Date {
        start.addingTimeInterval(Double(index) * configuration.tickSeconds)
    }

    /// Everything emitted during tick `index` of a run that starts at `start`: first one
    /// point per series (in ``series`` order, all at the tick's time), then the logs of
    /// every instance in time order. Any index may be asked for; past `totalTicks` the
    /// fleet simply behaves normally.
    public func tick(_ index: Int, start: Date) -> [SyntheticEvent] {
        let time = time(ofTick: index, start: start)
        var points: [SyntheticEvent] = []
        points.reserveCapacity(series.count)
        var records: [LogRecord] = []
        for profile in fleet {
            let incident = schedule.incident(onInstance: profile.index, at: index)
            let sample = metrics.sample(profile, at: index, incident: incident)
            for (key, value) in zip(profile.keys, sample.values) {
                points.append(.point(key, Point(timestamp: time, value: value)))
            }
            records += logs.logs(profile, at: index, time: time, sample: sample, incident: incident)
        }
        records.sort { $0.timestamp < $1.timestamp }
        return points + records.map(SyntheticEvent.log)
    }
}
