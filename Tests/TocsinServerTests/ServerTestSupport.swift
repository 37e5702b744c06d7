import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TocsinNotify
import TocsinPipeline
import TocsinRemediate
import TocsinResponse
import TocsinServer
import TocsinStore

/// A Tocsin service on a fresh SQLite store in a temporary folder.
struct TestService {
    let folder: URL
    let store: any TocsinStore
    let engine: DetectionEngine
    let metrics: ServiceMetrics
    let configuration: ServerConfiguration
    let response: ResponseServices

    static func make(configure: (inout ServerConfiguration) -> Void = { _ in }, detector: String = "windowed-gaussian",
                     parameters: [String: String] = ["windowSize": "50", "stepSize": "1", "warmUp": "10"]) async throws -> TestService {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try await StoreFactory.open(url: "sqlite:" + folder.appendingPathComponent("tocsin.sqlite").path)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configure(&configuration)
        let metrics = ServiceMetrics()
        let engine = DetectionEngine(store: store, factory: try DetectorFactory(fallback: .init(detector: detector, parameters: parameters)),
                                     capacity: configuration.queueCapacity, shards: 2, incidentGap: 600, observer: metrics)
        let dispatcher = try AlertDispatcher(configuration: AlertingConfiguration(
            route: Route(receiver: "ops", groupBy: .labels(["service"])), receivers: [Receiver(name: "ops")]))
        let remediation = RemediationService(planner: RemediationPlanner(policies: []), mode: .dryRun, allowList: AllowList([]),
                                             executor: LiveExecutor(ec2: nil), store: store, recovery: StoreRecoveryCheck(store: store))
        let alerting = AlertingService(dispatcher: dispatcher, rules: RuleEngine(), sinks: ["ops": [ConsoleSink(name: "ops/console")]],
                                       store: store, analyzer: try RootCauseAnalyzer(), logs: .store(store), remediation: remediation)
        return TestService(folder: folder, store: store, engine: engine, metrics: metrics, configuration: configuration,
                           response: ResponseServices(alerting: alerting, remediation: remediation))
    }

    /// Runs the live application and `body` against it, then cleans up.
    func run(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var logger = Logger(label: "tocsin-test")
        logger.logLevel = .warning
        let app = try buildApplication(configuration: configuration, store: store, engine: engine, metrics: metrics, response: response,
                                       services: [response.alerting], logger: logger)
        try await app.test(.live) { client in try await body(client) }
        try await store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Waits until detection has caught up (at most 10 s).
    func drained() async throws {
        for _ in 0..<1_000 where engine.backlog > 0 { try await Task.sleep(for: .milliseconds(10)) }
    }
}

/// A JSON body.
func jsonBody(_ text: String) -> ByteBuffer {
    ByteBuffer(string: text)
}

/// Decodes a JSON response body into a dictionary.
func jsonObject(_ response: TestResponse) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
}

/// The `error` object of an API error response.
func apiError(_ response: TestResponse) throws -> [String: Any] {
    try jsonObject(response)["error"] as? [String: Any] ?? [:]
}
