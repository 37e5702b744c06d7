import Foundation
import Testing
import TocsinCore
import TocsinDetect
import TocsinSources

/// Runs plain streaming detectors from the catalog, with default parameters, over the
/// affected series, as the demo will: each incident must stand out from normal ticks.
/// What the detectors make of heavy-but-normal load is printed, not asserted: a
/// univariate detector cannot know that a surge is normal.
@Suite("Detection sanity")
struct DetectionSanityTests {
    static let detectors = ["windowed-gaussian", "isolation-forest"]

    /// A detector's scores over a whole series, and whether each reached its threshold.
    struct Scan {
        var scores: [Double] = []
        var flagged: [Bool] = []
    }

    static func scan(_ name: String, _ values: [Double], cloud: SyntheticCloud) throws -> Scan {
        var detector = try DetectorCatalog.streaming(named: name).make()
        return run(&detector, values, cloud: cloud)
    }

    private static func run(_ detector: inout some Detector, _ values: [Double], cloud: SyntheticCloud) -> Scan {
        var scan = Scan()
        for (tick, value) in values.enumerated() {
            let threshold = detector.defaultThreshold
            let score = detector.process(Point(timestamp: cloud.time(ofTick: tick, start: SimulatedRun.start), value: value))
            scan.scores.append(score)
            scan.flagged.append(score >= threshold && score > 0)
        }
        return scan
    }

    /// How one detector saw one incident on its main series.
    struct Finding: CustomStringConvertible {
        var detector: String
        var incident: InjectedIncident
        var spanMaximum: Double
        var normalHigh: Double
        var flaggedInSpan: Int
        var firstFlag: Int?
        var normalFlagRate: Double

        var description: String {
            let delay = firstFlag.map { "first flag after \($0) ticks" } ?? "never flagged"
            return String(format: "%@ %@ %@ (%d ticks): span max %.4f vs normal p99 %.4f; %d ticks flagged, %@; normal ticks flagged %.2f%%",
                          detector, incident.kind.rawValue, incident.series[0].description, incident.ticks.count,
                          spanMaximum, normalHigh, flaggedInSpan, delay, normalFlagRate * 100)
        }
    }

    static func finding(_ detector: String, _ incident: InjectedIncident, run: SimulatedRun) throws -> Finding {
        // The run up to the quiet ticks after the incident: what comes later cannot change
        // what a streaming detector said during it.
        let horizon = incident.endTick + 1 + run.cloud.configuration.quietTicks
        let values = try #require(run.values[incident.series[0]]).prefix(horizon)
        let scan = try scan(detector, Array(values), cloud: run.cloud)
        let normal = run.normalTicks(of: incident.instance).filter { $0 < horizon }
        let span = Array(incident.ticks)
        return Finding(
            detector: detector, incident: incident,
            spanMaximum: span.map { scan.scores[$0] }.max() ?? 0,
            normalHigh: Stats.quantile(normal.map { scan.scores[$0] }, 0.99),
            flaggedInSpan: span.filter { scan.flagged[$0] }.count,
            firstFlag: span.firstIndex { scan.flagged[$0] },
            normalFlagRate: Double(normal.filter { scan.flagged[$0] }.count) / Double(normal.count))
    }

    /// Seeds for the incident check (the isolation forest is slow in debug builds, so
    /// not every cached run is scanned).
    static let incidentSeeds: [UInt64] = [1, 2]

    @Test("every incident stands out on its main series, abrupt ones at once", arguments: incidentSeeds)
    func incidentsStandOut(seed: UInt64) throws {
        let run = try SimulatedRun.seeded(seed)
        for incident in run.cloud.incidents {
            for detector in Self.detectors {
                let finding = try Self.finding(detector, incident, run: run)
                print("seed \(seed): \(finding)")
                #expect(finding.spanMaximum > finding.normalHigh, "\(finding)")
                #expect(finding.flaggedInSpan > 0, "\(finding)")
                if incident.kind != .memoryLeak {
                    #expect(finding.firstFlag.map { $0 <= 2 } == true, "\(finding)")
                }
            }
        }
    }

    @Test("plain detectors stay quiet in normal periods after the first day; heavy load is printed")
    func normalAndHeavyLoad() throws {
        let run = try SimulatedRun.seeded(1)
        let day = run.cloud.configuration.cycleTicks
        let horizon = (run.cloud.heavyLoadPeriods.last?.upperBound ?? 0) + 1 + run.cloud.configuration.quietTicks
        for detector in Self.detectors {
            for metric in [SyntheticMetric.requestRate, .cpuUtilization] {
                var heavy = Tally(), firstDay = Tally(), later = Tally()
                for key in run.cloud.series where key.name == metric.rawValue && key["instance"]?.hasSuffix("-1") == true {
                    let instance = try #require(key["instance"])
                    let values = try #require(run.values[key]).prefix(horizon)
                    let scan = try Self.scan(detector, Array(values), cloud: run.cloud)
                    for tick in run.cloud.heavyLoadPeriods.joined() { heavy.add(scan.flagged[tick]) }
                    for tick in run.normalTicks(of: instance) where tick < horizon {
                        if tick < day { firstDay.add(scan.flagged[tick]) } else { later.add(scan.flagged[tick]) }
                    }
                }
                print(String(format: "seed 1: %@ %@: heavy-load ticks flagged %.1f%%; normal ticks flagged %.1f%% in the first day, %.1f%% after",
                             detector, metric.rawValue, 100 * heavy.rate, 100 * firstDay.rate, 100 * later.rate))
                #expect(later.rate < 0.03, "\(detector) flags \(later.rate) of normal \(metric.rawValue) ticks")
            }
        }
    }

    /// Counts flagged ticks.
    struct Tally {
        var flagged = 0
        var total = 0

        mutating func add(_ isFlagged: Bool) {
            total += 1
            if isFlagged { flagged += 1 }
        }

        var rate: Double { total == 0 ? 0 : Double(flagged) / Double(total) }
    }
}
