import ArgumentParser
import Foundation
import Hummingbird
import ServiceLifecycle
import TocsinConfig
import TocsinCore
import TocsinPipeline
import TocsinServer
import TocsinSources
import TocsinStore

/// `tocsin demo`: the service on the built-in synthetic cloud, with live detection,
/// alerts on the console, and a scorecard of injected against detected incidents.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run Tocsin on a synthetic cloud with injected incidents and report what it caught.",
        discussion: "Detection follows the rules of `tocsin config example`. Services emit metrics and logs; incidents (CPU spike, memory leak, brute force, error storm, latency regression) and harmless heavy-load periods are injected from the seed. Open the printed URL while it runs; a summary follows at the end or on Ctrl-C. --seed (default 1) seeds the cloud, its incidents and the detectors."
    )

    @Option(help: "Wall-clock seconds to run the whole simulation for.")
    var duration: Double = 120

    @Option(help: "The port to bind (0 picks a free one).")
    var port = 8080

    @Option(help: "Shortest pause between ticks in seconds (default: duration / ticks).")
    var minInterval: Double?

    @Option(help: "Longest pause between ticks in seconds (default: the shortest).")
    var maxInterval: Double?

    @Option(help: "Where to store data (default: a fresh SQLite file in a temporary folder).")
    var store: String?

    @Option(help: "A folder written by `tocsin report --out DIR`, served under /report/ and linked from the dashboard.")
    var report: String?

    @Option(help: "Simulated ticks (one simulated minute each).")
    var ticks = 1_920

    @OptionGroup var detectorOptions: DetectorOptions

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func validate() throws {
        guard duration > 0, duration.isFinite else { throw ValidationError("--duration must be a positive number of seconds") }
        guard ticks >= 1_100 else { throw ValidationError("--ticks must be at least 1100 (incidents, heavy load and the detectors' warm-up must fit)") }
        if let minInterval, minInterval < 0 { throw ValidationError("--min-interval must not be negative") }
        if let minInterval, let maxInterval, maxInterval < minInterval {
            throw ValidationError("--max-interval must not be below --min-interval")
        }
    }

    func run() async throws {
        var settings = SyntheticCloud.Configuration()
        settings.seed = detectorOptions.seed ?? 1
        settings.totalTicks = ticks
        let cloud: SyntheticCloud
        do { cloud = try SyntheticCloud(configuration: settings) } catch { throw CLIFailure.usage(error.description) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-demo-\(UUID().uuidString)")
        let storeURL = store ?? "sqlite:" + folder.appendingPathComponent("tocsin.sqlite").path
        var options = try ServiceOptions.parse(["--port", String(port), "--store", storeURL])
        options.report = report
        options.detectorOptions = detectorOptions
        let shortest = minInterval ?? duration / Double(ticks)
        let longest = maxInterval ?? shortest
        let start = Date().addingTimeInterval(-Double(ticks) * settings.tickSeconds)
        let example: TocsinConfiguration
        do { example = try ConfigurationLoader.parse(ExampleConfiguration.yaml, file: "the example configuration") } catch {
            throw CLIFailure.data(error.description)
        }
        let console = DemoConsole(cloud: cloud, start: start)
        // The example's response settings, with alert grouping on the demo's compressed clock:
        // a simulated incident lasts a fraction of a second, so alerts are sent at once.
        var response = example
        response.remediation.execute = false
        response.alerting.route.groupWait = 0
        response.alerting.route.groupInterval = 5
        let runtime = try await options.start(rules: example.detection.rules, observer: console, response: response) { ingestor in
            [SyntheticSourceService(cloud: cloud, ingestor: ingestor, start: start,
                                    interval: .seconds(shortest)...(.seconds(longest)),
                                    onTick: { tick in console.progress(tick: tick) })]
        }
        try await runtime.runUntilSourcesFinish { port in
            Terminal.output("tocsin demo: \(cloud.series.count) series, \(cloud.incidents.count) injected incidents, \(cloud.heavyLoadPeriods.count) heavy-load periods, \(Int(duration)) s")
            Terminal.output("  dashboard http://127.0.0.1:\(port)/")
            Terminal.output("  API       http://127.0.0.1:\(port)/analyze   http://127.0.0.1:\(port)/v1/incidents")
            Terminal.output("  metrics   http://127.0.0.1:\(port)/metrics   OpenAPI http://127.0.0.1:\(port)/openapi.json")
        } beforeClose: { store in
            let summary = DemoScorecard(cloud: cloud, start: start, detected: try await store.incidents(limit: 10_000),
                                        remediation: try await store.actions(limit: 10_000))
            if json { try Terminal.json(summary) } else { Terminal.output(summary.text) }
        }
        if store == nil { try? FileManager.default.removeItem(at: folder) }
    }
}
