import Foundation
import Testing
import TocsinCore
@testable import TocsinResponse

@Suite("Co-anomalous series")
struct CoAnomalyRankerTests {
    static let time = Date(timeIntervalSince1970: 1_700_003_900)

    static func anomaly(_ name: String, service: String, instance: String, at offset: TimeInterval,
                        score: Double) -> Anomaly {
        Anomaly(series: SeriesKey(name: name, labels: ["service": service, "instance": instance]),
                timestamp: time.addingTimeInterval(offset), value: 1, score: score, threshold: 0.5, detector: "test")
    }

    static let target = anomaly("cpu", service: "checkout", instance: "i-1", at: 0, score: 0.99)

    static let others = [
        anomaly("cpu", service: "checkout", instance: "i-1", at: -10, score: 0.9),          // the target's own series
        anomaly("latency", service: "checkout", instance: "i-1", at: -60, score: 0.9),      // leading, same instance
        anomaly("latency", service: "checkout", instance: "i-1", at: 200, score: 0.95),     // same series, farther
        anomaly("errors", service: "checkout", instance: "i-2", at: 30, score: 0.95),       // lagging, same service
        anomaly("memory", service: "checkout", instance: "i-1", at: -240, score: 0.99),     // leading, far
        anomaly("queue", service: "checkout", instance: "i-3", at: 0, score: 0.6),          // simultaneous, service
        anomaly("disk", service: "billing", instance: "i-9", at: 0, score: 1),              // unrelated
        anomaly("threads", service: "checkout", instance: "i-1", at: -900, score: 1),       // outside the window
        anomaly("gc", service: "checkout", instance: "i-1", at: 5, score: .nan),            // unusable score
    ]

    @Test("related series are ranked by closeness in time and score, leading ones marked as possible causes")
    func ranking() throws {
        let related = try CoAnomalyRanker().rank(target: Self.target, among: Self.others)
        #expect(related.map(\.series.name) == ["latency", "queue", "errors", "memory"])
        let latency = related[0]
        #expect(latency.lag == -60)
        #expect(latency.timing == .leading)
        #expect(latency.sharedScope == .instance)
        #expect(latency.score == 0.95)
        #expect(latency.anomalyCount == 2)
        #expect(abs(latency.relevance - 0.95 * exp(-1)) < 1e-12)
        #expect(latency.explanation.contains("60 s before the target on the same instance i-1"))
        #expect(latency.explanation.contains("possible cause"))
        #expect(related[1].timing == .simultaneous)
        #expect(related[1].sharedScope == .service)
        let errors = related[2]
        #expect(errors.lag == 30)
        #expect(errors.timing == .lagging)
        #expect(errors.explanation.contains("30 s after the target on the same service checkout"))
        #expect(related[3].lag == -240)
    }

    @Test("label names are configurable and a target without them has no related series")
    func labels() throws {
        var configuration = CoAnomalyConfiguration()
        configuration.labels = ScopeLabels(service: "app", instance: "host")
        let ranker = try CoAnomalyRanker(configuration: configuration)
        #expect(ranker.rank(target: Self.target, among: Self.others).isEmpty)
        let target = Anomaly(series: SeriesKey(name: "cpu", labels: ["host": "h1"]), timestamp: Self.time, value: 1,
                             score: 1, threshold: 0.5, detector: "test")
        let peer = Anomaly(series: SeriesKey(name: "load", labels: ["host": "h1", "app": "x"]),
                           timestamp: Self.time.addingTimeInterval(-1.5), value: 1, score: 0.7, threshold: 0.5,
                           detector: "test")
        let related = ranker.rank(target: target, among: [peer])
        #expect(related.map(\.series.name) == ["load"])
        #expect(related.first?.explanation.contains("1.5 s before the target on the same instance h1") == true)
    }

    @Test("a simultaneity tolerance turns small lags into simultaneous")
    func tolerance() throws {
        var configuration = CoAnomalyConfiguration()
        configuration.simultaneityTolerance = 60
        let related = try CoAnomalyRanker(configuration: configuration).rank(target: Self.target, among: Self.others)
        #expect(related.first { $0.series.name == "latency" }?.timing == .simultaneous)
        #expect(related.first { $0.series.name == "memory" }?.timing == .leading)
    }
}
