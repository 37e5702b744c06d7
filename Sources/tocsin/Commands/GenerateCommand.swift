import ArgumentParser
import Foundation
import TocsinCore
import TocsinSources

/// `tocsin generate`: write the synthetic cloud's metrics and logs as NDJSON.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic cloud's metrics and logs, with injected incidents, as NDJSON.",
        discussion: """
            Every instance emits cpu_utilization, memory_utilization, latency_ms, error_rate (a fraction), \
            request_rate and auth_failures once per tick, plus request, error and authentication logs. \
            The output depends only on the options: the same options give the same bytes. \
            --truth writes the injected incidents and the heavy-but-normal traffic periods as JSON.
            """
    )

    @Option(name: .long, help: "The random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Simulated seconds to generate, rounded down to whole ticks.")
    var duration: Double = 115_200

    @Option(name: .long, help: "Simulated seconds per tick.")
    var tickSeconds: Double = 60

    @Option(name: .long, help: "Comma-separated service names.")
    var services: String = "api,checkout,auth"

    @Option(name: .long, help: "Instances per service.")
    var instances: Int = 2

    @Option(name: .long, help: "Incidents to inject.")
    var incidents: Int = 5

    @Option(name: .long, help: "Periods of heavy but normal traffic.")
    var heavyLoad: Int = 2

    @Option(name: .long, help: "The time of the first tick, UTC (YYYY-MM-DDTHH:MM:SSZ).")
    var start: String = "2026-11-21T00:00:00Z"

    @Option(name: .long, help: ArgumentHelp("Write the ground truth (incidents, heavy-load periods) as JSON to this file.",
                                            valueName: "file"))
    var truth: String?

    @Option(name: .long, help: ArgumentHelp("Post to this Tocsin server (e.g. http://127.0.0.1:8080) instead of writing to stdout.",
                                            valueName: "url"))
    var post: String?

    @Option(name: .long, help: "When posting, an API token (default: $TOCSIN_API_TOKEN).")
    var token: String?

    @Option(name: .long, help: "When posting, the shortest wall-clock pause between ticks in seconds.")
    var minInterval: Double = 0

    @Option(name: .long, help: "When posting, the longest pause between ticks (default: the shortest).")
    var maxInterval: Double?

    func validate() throws {
        _ = try cloud()
        _ = try startDate()
        if let post {
            guard let url = URL(string: post), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ValidationError("--post takes a server URL such as http://127.0.0.1:8080, got \"\(post)\"")
            }
        }
        guard minInterval >= 0, minInterval.isFinite else { throw ValidationError("--min-interval must not be negative") }
        if let maxInterval, !(maxInterval >= minInterval && maxInterval.isFinite) {
            throw ValidationError("--max-interval must not be below --min-interval")
        }
    }

    func run() async throws {
        let cloud = try cloud()
        let origin = try startDate()
        if let truth {
            do { try GroundTruth(cloud: cloud, start: origin).jsonData().write(to: URL(fileURLWithPath: truth)) } catch {
                throw CLIFailure.data("cannot write the ground truth to \(truth): \(error.localizedDescription)")
            }
        }
        if let post, let base = URL(string: post) {
            try await send(cloud, origin: origin, to: IngestClient(base: base, token: token ?? ProcessInfo.processInfo.environment["TOCSIN_API_TOKEN"]))
            return
        }
        for index in 0..<cloud.configuration.totalTicks {
            FileHandle.standardOutput.write(Data(try NDJSON.encode(cloud.tick(index, start: origin)).utf8))
        }
    }

    /// Posts every tick's points and logs, pausing between ticks as configured.
    private func send(_ cloud: SyntheticCloud, origin: Date, to client: IngestClient) async throws {
        var pauses = SeededGenerator(seed: seed ^ 0x5EED)
        let longest = maxInterval ?? minInterval
        var points = 0
        for index in 0..<cloud.configuration.totalTicks {
            let events = cloud.tick(index, start: origin)
            let metricEvents = events.filter { if case .point = $0 { true } else { false } }
            let logEvents = events.filter { if case .log = $0 { true } else { false } }
            if !metricEvents.isEmpty { try await client.post("/v1/points", ndjson: try NDJSON.encode(metricEvents)) }
            if !logEvents.isEmpty { try await client.post("/v1/logs", ndjson: try NDJSON.encode(logEvents)) }
            points += metricEvents.count
            let pause = minInterval + (longest - minInterval) * pauses.nextUnit()
            if pause > 0 { try? await Task.sleep(for: .seconds(pause)) }
        }
        Terminal.output("posted \(cloud.configuration.totalTicks) ticks, \(points) points to \(post ?? "")")
    }

    /// The cloud the options describe.
    func cloud() throws(ValidationError) -> SyntheticCloud {
        typealias Configuration = SyntheticCloud.Configuration
        guard tickSeconds.isFinite, tickSeconds > 0, tickSeconds <= 86_400 else {
            throw ValidationError("--tick-seconds must be in (0, 86400], got \(tickSeconds)")
        }
        let ticks = duration / tickSeconds
        guard duration.isFinite, ticks >= 1, ticks < Double(Configuration.maximumTicks + 1) else {
            throw ValidationError("--duration must be 1 to \(Configuration.maximumTicks) ticks of \(tickSeconds) s, got \(duration)")
        }
        guard (1...1_000).contains(instances) else { throw ValidationError("--instances must be in 1...1000, got \(instances)") }
        guard (0...Configuration.maximumPeriods).contains(incidents), (0...Configuration.maximumPeriods).contains(heavyLoad) else {
            throw ValidationError("--incidents and --heavy-load must be in 0...\(Configuration.maximumPeriods)")
        }
        var configuration = Configuration()
        configuration.seed = seed
        configuration.tickSeconds = tickSeconds
        configuration.totalTicks = Int(ticks)
        configuration.services = services.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        configuration.instancesPerService = instances
        configuration.incidentCount = incidents
        configuration.heavyLoadCount = heavyLoad
        do { return try SyntheticCloud(configuration: configuration) } catch { throw ValidationError(error.message) }
    }

    /// The time of the first tick.
    func startDate() throws(ValidationError) -> Date {
        guard let seconds = UTCTimestamp.parse(start) else {
            throw ValidationError("--start must be a UTC time such as 2026-11-21T00:00:00Z, got \"\(start)\"")
        }
        return Date(timeIntervalSince1970: seconds)
    }
}
