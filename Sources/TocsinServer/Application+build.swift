import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import TocsinNotify
import TocsinPipeline
import TocsinRemediate
import TocsinStore

/// The response services the API exposes: alerts, silences, actions.
public struct ResponseServices: Sendable {
    public let alerting: AlertingService
    public let remediation: RemediationService

    /// Bundles the two.
    public init(alerting: AlertingService, remediation: RemediationService) {
        self.alerting = alerting
        self.remediation = remediation
    }
}

/// The request context of Tocsin's router; bodies are collected explicitly with the
/// configured limit, so the framework's own upload limit is set above it.
public struct TocsinRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { 64 * 1024 * 1024 }
}

/// The router with every endpoint; exposed for in-process tests. Pushed data goes through
/// `ingestor` (by default one without an observer); the response API needs `response`. The
/// dashboard is served at `/`, its live updates at `/v1/events`, an evaluation report under `/report/`.
public func buildRouter(configuration: ServerConfiguration, store: any TocsinStore, engine: DetectionEngine,
                        metrics: ServiceMetrics, ingestor: Ingestor? = nil, response: ResponseServices? = nil) -> Router<TocsinRequestContext> {
    let router = Router(context: TocsinRequestContext.self)
    router.add(middleware: BearerTokenMiddleware(tokens: configuration.tokens))
    HealthController(engine: engine, metrics: metrics).addRoutes(to: router)
    IngestController(ingestor: ingestor ?? Ingestor(store: store, engine: engine, maxSeries: configuration.limits.maxSeries),
                     metrics: metrics, limits: configuration.limits).addRoutes(to: router)
    QueryController(store: store, engine: engine).addRoutes(to: router)
    let alerting = response?.alerting
    EventStreamController(state: DashboardState(store: store, engine: engine, alerting: alerting)).addRoutes(to: router)
    DashboardController(store: store, engine: engine, alerting: alerting,
                        layout: DashboardLayout(hasReport: configuration.reportFolder != nil)).addRoutes(to: router)
    ReportController(folder: configuration.reportFolder.map { URL(fileURLWithPath: $0) }).addRoutes(to: router)
    if let response {
        ResponseController(store: store, alerting: response.alerting, remediation: response.remediation,
                           maxBodyBytes: configuration.limits.maxBodyBytes).addRoutes(to: router)
    }
    router.add(middleware: UnmatchedRouteMiddleware(routes: router.routes))
    return router
}

/// The Tocsin service: the HTTP API plus the detection engine and any further services
/// (sources, the demo), run together and shut down gracefully on SIGTERM or SIGINT.
public func buildApplication(configuration: ServerConfiguration, store: any TocsinStore, engine: DetectionEngine,
                             metrics: ServiceMetrics, ingestor: Ingestor? = nil, response: ResponseServices? = nil,
                             services: [any Service] = [],
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in },
                             logger: Logger = Logger(label: "tocsin")) throws(ConfigurationError) -> some ApplicationProtocol {
    try configuration.validate()
    let router = buildRouter(configuration: configuration, store: store, engine: engine, metrics: metrics, ingestor: ingestor,
                             response: response)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "tocsin"),
        services: [engine] + services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}
