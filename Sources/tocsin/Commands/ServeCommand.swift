import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
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

/// Options shared by `serve` and `demo`.
struct ServiceOptions: ParsableArguments {
    @Option(help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(help: "The port to bind (0 picks a free one).")
    var port = 8080

    @Option(help: "Where to store data: sqlite:PATH or postgres://user:pass@host:port/db.")
    var store = "sqlite:tocsin-data/tocsin.sqlite"

    @Option(name: .customLong("token"), help: "An API token for write endpoints (repeatable; also $TOCSIN_API_TOKEN).")
    var tokens: [String] = []

    @Flag(help: "Allow binding a non-loopback address without a token.")
    var insecure = false

    @OptionGroup var detectorOptions: DetectorOptions

    /// Opens the store and assembles the service.
    func start(rules: [DetectorFactory.Rule] = [], observer: (any PipelineObserver)? = nil,
               extraServices: @Sendable (Ingestor) -> [any Service] = { _ in [] }) async throws -> ServiceRuntime {
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.insecure = insecure
        configuration.tokens = Set(tokens + [ProcessInfo.processInfo.environment["TOCSIN_API_TOKEN"]].compactMap { $0 }.filter { !$0.isEmpty })
        do { try configuration.validate() } catch { throw CLIFailure.usage(error.message) }
        let recipe = try detectorOptions.streamingRecipe()
        let factory: DetectorFactory
        do {
            factory = try DetectorFactory(rules: rules, fallback: .init(detector: recipe.entry.name, parameters: recipe.settings))
        } catch { throw CLIFailure.usage(error.message) }
        let opened: any TocsinStore
        do { opened = try await StoreFactory.open(url: store) } catch { throw CLIFailure.data("cannot open the store: \(error)") }
        let metrics = ServiceMetrics()
        let observers: [any PipelineObserver] = [metrics] + (observer.map { [$0] } ?? [])
        let engine = DetectionEngine(store: opened, factory: factory, capacity: configuration.queueCapacity,
                                     shards: configuration.shards, observer: PipelineObservers(observers))
        let ingestor = Ingestor(store: opened, engine: engine, maxSeries: configuration.limits.maxSeries)
        return ServiceRuntime(configuration: configuration, store: opened, engine: engine, metrics: metrics,
                              services: extraServices(ingestor))
    }
}

/// An assembled service, ready to run.
struct ServiceRuntime {
    let configuration: ServerConfiguration
    let store: any TocsinStore
    let engine: DetectionEngine
    let metrics: ServiceMetrics
    let services: [any Service]

    /// Runs until SIGTERM/SIGINT (or until every extra service finishes), then closes the store.
    func run(onRunning: @escaping @Sendable (Int) async -> Void = { port in
        Terminal.output("tocsin listening on http://127.0.0.1:\(port) (API /v1, /analyze, /metrics, /openapi.json)")
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
            return try buildApplication(configuration: configuration, store: store, engine: engine, metrics: metrics,
                                        services: includeServices ? services : [], onServerRunning: onRunning)
        } catch { throw .usage(error.message) }
    }
}
