import Foundation
import Testing
import TocsinCore
import TocsinSources

@Suite("Synthetic cloud")
struct SyntheticCloudTests {
    @Test("the same seed gives the same events, and a tick alone equals that tick of a full run")
    func deterministic() throws {
        let run = try SimulatedRun.seeded(1)
        let again = try SyntheticCloud(configuration: run.cloud.configuration)
        #expect(again.incidents == run.cloud.incidents)
        #expect(again.heavyLoadPeriods == run.cloud.heavyLoadPeriods)
        let full = (0..<600).map { run.cloud.tick($0, start: SimulatedRun.start) }
        for index in [0, 1, 199, 357, 599] {
            #expect(again.tick(index, start: SimulatedRun.start) == full[index])
        }
        for index in stride(from: 599, through: 0, by: -1) {
            #expect(again.tick(index, start: SimulatedRun.start) == full[index])
        }
    }

    @Test("another seed gives other values and another schedule")
    func seedMatters() throws {
        let first = try SimulatedRun.seeded(1), second = try SimulatedRun.seeded(2)
        #expect(first.cloud.incidents != second.cloud.incidents)
        #expect(first.cloud.tick(5, start: SimulatedRun.start) != second.cloud.tick(5, start: SimulatedRun.start))
    }

    @Test("every series emits one point at the tick's time on every tick")
    func everySeriesEveryTick() throws {
        let run = try SimulatedRun.seeded(1)
        #expect(run.cloud.series.count == 3 * 2 * SyntheticMetric.allCases.count)
        #expect(Set(run.cloud.series).count == run.cloud.series.count)
        for key in run.cloud.series {
            #expect(run.values[key]?.count == run.cloud.configuration.totalTicks, "\(key)")
            #expect(key["service"] != nil && key["instance"] != nil)
        }
        for index in [0, 250, 1_919, 5_000] {
            let time = run.cloud.time(ofTick: index, start: SimulatedRun.start)
            let points = run.cloud.tick(index, start: SimulatedRun.start).compactMap { event -> (SeriesKey, Point)? in
                if case let .point(key, point) = event { return (key, point) }
                return nil
            }
            #expect(points.map(\.0) == run.cloud.series)
            #expect(points.allSatisfy { $0.1.timestamp == time && $0.1.value.isFinite })
        }
    }

    @Test("values stay in their units' ranges", arguments: SimulatedRun.seeds)
    func plausibleRanges(seed: UInt64) throws {
        let run = try SimulatedRun.seeded(seed)
        for (key, values) in run.values {
            let range: ClosedRange<Double> = switch SyntheticMetric(rawValue: key.name) {
            case .cpuUtilization?, .memoryUtilization?: 0...100
            case .errorRate?: 0...1
            default: 0...Double.greatestFiniteMagnitude
            }
            #expect(values.allSatisfy { range.contains($0) }, "\(key)")
        }
        for key in run.cloud.series where key.name == SyntheticMetric.authFailures.rawValue {
            #expect(run.values[key]?.allSatisfy { $0 == $0.rounded() } == true)
        }
    }

    @Test("logs lie within their tick, in time order, from the fleet's instances")
    func logsWithinTicks() throws {
        let run = try SimulatedRun.seeded(1)
        let instances = Set(run.cloud.series.compactMap { $0["instance"] })
        for (index, records) in run.logs.enumerated() {
            let start = run.cloud.time(ofTick: index, start: SimulatedRun.start)
            let end = run.cloud.time(ofTick: index + 1, start: SimulatedRun.start)
            #expect(records.allSatisfy { $0.timestamp >= start && $0.timestamp < end && instances.contains($0.instance) })
            #expect(zip(records, records.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
        }
        let events = Set(run.logs.joined().compactMap { $0.fields["event"] })
        #expect(events == ["request", "error", "auth_success", "auth_failure"])
        let requests = run.logs.joined().filter { $0.fields["event"] == "request" }.count
        #expect((2.0...5.0).contains(Double(requests) / Double(run.logs.count * 6)), "request logs per instance and tick")
    }

    @Test("auth_failures counts the tick's auth_failure logs on the instance", arguments: SimulatedRun.seeds)
    func authFailuresMatchLogs(seed: UInt64) throws {
        let run = try SimulatedRun.seeded(seed)
        for key in run.cloud.series where key.name == SyntheticMetric.authFailures.rawValue {
            let values = try #require(run.values[key])
            for (index, records) in run.logs.enumerated() {
                let failures = records.filter { $0.instance == key["instance"] && $0.fields["event"] == "auth_failure" }
                #expect(Double(failures.count) == values[index])
                #expect(failures.allSatisfy { $0.fields["user"] != nil && $0.fields["source_ip"] != nil })
            }
        }
    }

    @Test("incidents and heavy-load periods keep apart, after the warm-up and before the end", arguments: SimulatedRun.seeds)
    func schedule(seed: UInt64) throws {
        let run = try SimulatedRun.seeded(seed)
        let configuration = run.cloud.configuration
        #expect(run.cloud.incidents.count == configuration.incidentCount)
        #expect(Set(run.cloud.incidents.map(\.kind)) == Set(IncidentKind.allCases))
        #expect(run.cloud.heavyLoadPeriods.count == configuration.heavyLoadCount)
        let periods = run.cloud.incidents.map(\.ticks) + run.cloud.heavyLoadPeriods
        for period in periods {
            #expect(period.lowerBound >= configuration.warmUpTicks)
            #expect(period.upperBound < configuration.totalTicks - configuration.quietTicks)
        }
        for (index, first) in periods.enumerated() {
            for second in periods[(index + 1)...] {
                let gap = max(second.lowerBound - first.upperBound, first.lowerBound - second.upperBound) - 1
                #expect(gap >= configuration.quietTicks, "\(first) and \(second)")
            }
        }
        #expect(run.cloud.incidents.map(\.id) == (1...5).map { "incident-\($0)" })
        #expect(run.cloud.incidents.map(\.startTick) == run.cloud.incidents.map(\.startTick).sorted())
        for incident in run.cloud.incidents {
            #expect(incident.series == incident.kind.metrics.map { $0.key(service: incident.service, instance: incident.instance) })
            if incident.kind == .bruteForce { #expect(incident.service == "auth") }
        }
    }

    @Test("a schedule that cannot fit, and invalid fields, are one-line errors")
    func invalidConfigurations() {
        func message(_ change: (inout SyntheticCloud.Configuration) -> Void) -> String? {
            var configuration = SyntheticCloud.Configuration()
            change(&configuration)
            do {
                _ = try SyntheticCloud(configuration: configuration)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(message { $0.totalTicks = 400 }?.contains("cannot fit 5 incidents") == true)
        #expect(message { $0.incidentCount = 40 }?.contains("make the run longer") == true)
        #expect(message { $0.services = [] } == "services must not be empty")
        #expect(message { $0.services = ["api", "api"] } == "service names must be unique")
        #expect(message { $0.services = ["my api"] }?.contains("without spaces") == true)
        #expect(message { $0.tickSeconds = 0 }?.contains("tickSeconds") == true)
        #expect(message { $0.instancesPerService = 0 }?.contains("instancesPerService") == true)
        #expect(message { $0.incidentKinds = [] }?.contains("incidentKinds") == true)
        #expect(message { $0.cycleTicks = 50 }?.contains("cycleTicks") == true)
        #expect(message { $0.totalTicks = 50; $0.incidentCount = 0; $0.heavyLoadCount = 0 } == nil)
        #expect(message { $0.services = ["search", "billing"]; $0.incidentKinds = [.bruteForce]; $0.incidentCount = 2 } == nil)
    }

    @Test("a configuration decodes with defaults for missing keys and round-trips")
    func configurationCoding() throws {
        let decoded = try JSONDecoder().decode(SyntheticCloud.Configuration.self,
                                               from: Data(#"{"seed": 9, "services": ["web"]}"#.utf8))
        var expected = SyntheticCloud.Configuration()
        expected.seed = 9
        expected.services = ["web"]
        #expect(decoded == expected)
        let encoded = try JSONEncoder().encode(decoded)
        #expect(try JSONDecoder().decode(SyntheticCloud.Configuration.self, from: encoded) == decoded)
    }

    @Test("other services, instance counts and tick lengths work")
    func otherFleets() throws {
        var configuration = SyntheticCloud.Configuration()
        configuration.services = ["search", "billing"]
        configuration.instancesPerService = 3
        configuration.tickSeconds = 0.5
        configuration.seed = 11
        let cloud = try SyntheticCloud(configuration: configuration)
        #expect(cloud.series.count == 2 * 3 * 6)
        #expect(cloud.series.compactMap { $0["instance"] }.contains("billing-3"))
        let events = cloud.tick(10, start: SimulatedRun.start)
        let times = events.compactMap { event -> Date? in
            if case let .log(record) = event { return record.timestamp }
            return nil
        }
        let start = cloud.time(ofTick: 10, start: SimulatedRun.start)
        #expect(times.allSatisfy { $0 >= start && $0 < start.addingTimeInterval(0.5) })
        #expect(cloud.incidents.allSatisfy { $0.kind != .bruteForce || ["search", "billing"].contains($0.service) })
    }
}
