import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import TocsinConfig
import TocsinDetect
import TocsinPipeline
import TocsinServer
import TocsinStore

/// `tocsin serve`: run the HTTP API with live detection until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Tocsin service: ingest API, live detection, storage and metrics.",
        discussion: "Shuts down gracefully on SIGTERM or SIGINT: ingest stops, queued points are detected, models are saved."
    )

    @OptionGroup var service: ServiceOptions

    func run() async throws {
        let runtime = try await service.start()
        try await runtime.run()
    }
}

/// Options shared by `serve` and `demo`. Options given on the command line override the
/// configuration file, which overrides the built-in defaults.
struct ServiceOptions: ParsableArguments {
    @Option(help: "A tocsin.yaml configuration file (check one with `tocsin config check FILE`).")
    var config: String?

    @Option(help: "The address to bind (default 127.0.0.1).")
    var host: String?

    @Option(help: "The port to bind, 0 for any free one (default 8080).")
    var port: Int?

    @Option(help: "Where to store data: sqlite:PATH or postgres://user:pass@host:port/db (default sqlite:tocsin-data/tocsin.sqlite).")
    var store: String?

    @Option(name: .customLong("token"), help: "An API token for write endpoints (repeatable; also $TOCSIN_API_TOKEN).")
    var tokens: [String] = []

    @Flag(help: "Allow binding a non-loopback address without a token.")
    var insecure = false

    @Option(help: "A folder written by `tocsin report --out DIR`, served under /report/ and linked from the dashboard.")
    var report: String?

    @OptionGroup var detectorOptions: DetectorOptions

    /// The configuration file's settings, or none.
    func fileConfiguration() throws(CLIFailure) -> TocsinConfiguration {
        guard let config else { return TocsinConfiguration() }
        do { return try ConfigurationLoader.load(path: config) } catch { throw .usage(error.description) }
    }

    /// Opens the store and assembles the service: the file's sources and retention, its rules,
    /// alerting and remediation (those of `response` when given), plus `extraServices`.
    /// Detection rules in `rules` come before the file's.
    func start(rules: [DetectorFactory.Rule] = [], observer: (any PipelineObserver)? = nil, response: TocsinConfiguration? = nil,
               extraServices: @Sendable (Ingestor) -> [any Service] = { _ in [] }) async throws -> ServiceRuntime {
        let file = try fileConfiguration()
        var configuration = ServerConfiguration()
        configuration.host = host ?? file.server.host ?? configuration.host
        configuration.port = port ?? file.server.port ?? configuration.port
        configuration.insecure = insecure || (file.server.insecure ?? false)
        if let report {
            guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: report).appendingPathComponent("index.html").path) else {
                throw CLIFailure.usage("--report \(report): no index.html there; write a report with `tocsin report --out \(report)`")
            }
            configuration.reportFolder = report
        }
        let environmentToken = ProcessInfo.processInfo.environment["TOCSIN_API_TOKEN"]
        configuration.tokens = Set((tokens + file.server.tokens + [environmentToken].compactMap { $0 }).filter { !$0.isEmpty })
        if let value = file.server.maxBodyBytes { configuration.limits.maxBodyBytes = value }
        if let value = file.server.maxSeries { configuration.limits.maxSeries = value }
        if let value = file.server.queueCapacity { configuration.queueCapacity = value }
        if let value = file.server.shards { configuration.shards = value }
        do { try configuration.validate() } catch { throw CLIFailure.usage(error.message) }
        let fallback: DetectorFactory.Rule
        if let configured = file.detection.fallback {
            fallback = configured
        } else {
            let recipe = try detectorOptions.streamingRecipe()
            fallback = .init(detector: recipe.entry.name, parameters: recipe.settings)
        }
        let factory: DetectorFactory
        do { factory = try DetectorFactory(rules: rules + file.detection.rules, fallback: fallback) } catch {
            throw CLIFailure.usage(error.message)
        }
        let sources = try ConfiguredSources(file.sources)
        let metrics = ServiceMetrics()
        let storeURL = store ?? file.store ?? "sqlite:tocsin-data/tocsin.sqlite"
        let opened: any TocsinStore
        do { opened = try await StoreFactory.open(url: storeURL) } catch { throw CLIFailure.data("cannot open the store: \(error)") }
        let assembly: ResponseAssembly
        do { assembly = try ResponseAssembly(response ?? file, store: opened, metrics: metrics) } catch {
            try? await opened.close()
            throw error
        }
        let extra: [any PipelineObserver] = observer.map { [$0] } ?? []
        let observers: [any PipelineObserver] = [metrics] + extra + sources.observers + [assembly.alerting]
        let engine = DetectionEngine(store: opened, factory: factory, capacity: configuration.queueCapacity,
                                     shards: configuration.shards, incidentGap: file.detection.incidentGap ?? 600,
                                     observer: PipelineObservers(observers))
        let ingestor = Ingestor(store: opened, engine: engine, maxSeries: configuration.limits.maxSeries, observer: assembly.alerting)
        var services = sources.services(ingestor: ingestor) + assembly.services
        if let retention = file.retention {
            services.append(RetentionService(store: opened, keep: retention.keep, every: .seconds(retention.every)))
        }
        return ServiceRuntime(configuration: configuration, store: opened, engine: engine, metrics: metrics, ingestor: ingestor,
                              response: ResponseServices(alerting: assembly.alerting, remediation: assembly.remediation),
                              services: services + extraServices(ingestor))
    }
}

/// An assembled service, ready to run.
struct ServiceRuntime {
    let configuration: ServerConfiguration
    let store: any TocsinStore
    let engine: DetectionEngine
    let metrics: ServiceMetrics
    let ingestor: Ingestor
    let response: ResponseServices
    let services: [any Service]

    /// Runs until SIGTERM/SIGINT (or until every extra service finishes), then closes the store.
    func run(onRunning: @escaping @Sendable (Int) async -> Void = { port in
        Terminal.output("tocsin listening on http://127.0.0.1:\(port) (dashboard /, API /v1, /analyze, /metrics, /openapi.json)")
    }) async throws {
        let app = try makeApplication(onRunning: onRunning)
        do {
            try await app.runService()
        } catch {
            try? await store.close()
            throw CLIFailure.data("the service stopped: \(error)")
        }
        try await store.close()
    }

    /// Runs the service together with `services` until they finish (or SIGTERM/SIGINT),
    /// then shuts everything down gracefully and closes the store.
    func runUntilSourcesFinish(onRunning: @escaping @Sendable (Int) async -> Void,
                               beforeClose: (any TocsinStore) async throws -> Void) async throws {
        let app = try makeApplication(onRunning: onRunning, includeServices: false)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app)] + services.map {
                .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup)
            },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Logger(label: "tocsin")))
        do {
            try await group.run()
            try await beforeClose(store)
        } catch {
            try? await store.close()
            throw CLIFailure.data("the service stopped: \(error)")
        }
        try await store.close()
    }

    private func makeApplication(onRunning: @escaping @Sendable (Int) async -> Void,
                                 includeServices: Bool = true) throws(CLIFailure) -> some ApplicationProtocol {
        do {
            return try buildApplication(configuration: configuration, store: store, engine: engine, metrics: metrics, ingestor: ingestor,
                                        response: response, services: includeServices ? services : [], onServerRunning: onRunning)
        } catch { throw .usage(error.message) }
    }
}
