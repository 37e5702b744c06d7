import Foundation
import Testing
import TocsinCore
import TocsinDetect
import TocsinPrometheus

/// Live detection of a CPU burn on the machine's own node_exporter, read through the real
/// Prometheus that `./scripts/test` starts. It needs a quiet machine, so `./scripts/test`
/// runs it after the other tests, in its quiet phase (`TOCSIN_QUIET_TESTS=1`).
@Suite("CPU burn seen through Prometheus", .serialized)
struct PrometheusCPUBurnTests {
    /// Busy cores, all modes but idle, one sample a second.
    static let busyCores = #"sum(rate(node_cpu_seconds_total{mode!="idle"}[3s]))"#

    @Test("the default detector, fed by live pulls, alarms during a 60 s busy loop and hardly before",
          .enabled(if: ProcessInfo.processInfo.environment["TOCSIN_QUIET_TESTS"] == "1",
                   "runs alone: in the main run other tests keep the cores busy"),
          .timeLimit(.minutes(5)))
    func detectsBurn() async throws {
        let text = try #require(ProcessInfo.processInfo.environment["TOCSIN_TEST_PROMETHEUS_URL"])
        let client = PrometheusClient(baseURL: try #require(URL(string: text)))
        let source = PrometheusSource(client: client, queries: [.init(expression: Self.busyCores, name: "cpu_busy_cores")],
                                      step: 1, lookback: 1)
        var detector = try DetectorCatalog.streaming(named: "default").make(parameters: ["probation": "60", "noveltySide": "up"])
        var alarms: [(time: Double, value: Double)] = []
        var seen = 0
        func pullAndDetect() async throws {
            for (_, point) in try await source.pull() {
                seen += 1
                if detector.process(point) >= detector.defaultThreshold {
                    alarms.append((point.timestamp.timeIntervalSince1970, point.value))
                }
            }
        }
        // A quiet baseline: the probation (60 samples) and 20 more seconds.
        let started = Date().timeIntervalSince1970
        while Date().timeIntervalSince1970 - started < 80 {
            try await Task.sleep(for: .seconds(5))
            try await pullAndDetect()
        }
        #expect(seen >= 70, "only \(seen) samples in 80 s")
        let beforeBurn = alarms
        let burnStart = Date().timeIntervalSince1970
        let burners = try (0..<2).map { _ in try BusyLoop.start() }
        defer { burners.forEach { $0.stop() } }
        while Date().timeIntervalSince1970 - burnStart < 60 {
            try await Task.sleep(for: .seconds(5))
            try await pullAndDetect()
        }
        burners.forEach { $0.stop() }
        try await Task.sleep(for: .seconds(3))
        try await pullAndDetect()
        // Busy CPU matters upwards only (noveltySide up); the likelihood may still alarm once on noise.
        #expect(beforeBurn.count <= 1, "alarms before the burn: \(beforeBurn)")
        let during = alarms.filter { $0.time >= burnStart && $0.time <= burnStart + 63 }
        #expect(!during.isEmpty, "no alarm during the burn; alarms: \(alarms)")
        if let first = during.first { print("CPU burn: first alarm \(String(format: "%.1f", first.time - burnStart)) s after the start, at \(first.value) busy cores") }
    }
}

/// A child process spinning one core until stopped.
struct BusyLoop {
    let process: Process

    static func start() throws -> BusyLoop {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap 'exit 0' TERM; while :; do :; done"]
        try process.run()
        return BusyLoop(process: process)
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
