import Foundation
import Testing
import TocsinCore
@testable import TocsinResponse

@Suite("Root-cause report")
struct RootCauseReportTests {
    static let anomaly = Anomaly(series: SeriesKey(name: "latency_p99", labels: ["service": "checkout", "instance": "i-1"]),
                                 timestamp: SyntheticLogStream.anomalyTime, value: 2.5, score: 0.97, threshold: 0.9,
                                 detector: "random-cut-forest")

    static func report(includeNewError: Bool = true) throws -> RootCauseReport {
        let stream = SyntheticLogStream(seed: 31, includeNewError: includeNewError)
        return try RootCauseAnalyzer().report(for: anomaly, logs: stream.records,
                                              anomalies: CoAnomalyRankerTests.others)
    }

    @Test("the report combines log hints and co-anomalous series and escalates on the new error")
    func combines() throws {
        let report = try Self.report()
        #expect(report.window == SyntheticLogStream.window)
        #expect(report.baseline == SyntheticLogStream.baseline)
        #expect(report.logScope == LogScope(service: "checkout", instance: "i-1"))
        #expect(report.logHints.map(\.template).prefix(3)
            == [SyntheticLogStream.newError, SyntheticLogStream.surge, SyntheticLogStream.heartbeat])
        #expect(report.logHints.allSatisfy { $0.score > 0 })
        #expect(!report.logHints.contains { $0.template == SyntheticLogStream.otherServiceTemplate })
        #expect(report.relatedSeries.map(\.series.name).prefix(2) == ["cpu", "latency"])
        #expect(report.hasCriticalLogs)
    }

    @Test("without the new error a warning surge does not escalate")
    func noEscalation() throws {
        let report = try Self.report(includeNewError: false)
        #expect(report.logHints.first?.template == SyntheticLogStream.surge)
        #expect(!report.hasCriticalLogs)
    }

    @Test("critical hints escalate, error hints only above the bar, drops never")
    func escalationPolicy() {
        func hint(_ level: LogRecord.Level, _ change: TemplateChange, score: Double) -> TemplateHint {
            TemplateHint(templateID: "x", template: "x", change: change, baselineCount: 1, windowCount: 1, baselineRate: 1,
                         windowRate: 1, rateRatio: 1, maxLevel: level, examples: [], surprise: score, score: score)
        }
        let policy = EscalationPolicy()
        #expect(policy.escalates([hint(.critical, .surge, score: 0.1)]))
        #expect(policy.escalates([hint(.error, .new, score: 10)]))
        #expect(!policy.escalates([hint(.error, .surge, score: 9.9)]))
        #expect(!policy.escalates([hint(.critical, .drop, score: 50)]))
        #expect(!policy.escalates([hint(.warning, .surge, score: 500)]))
    }

    @Test("the report survives a JSON round trip unchanged")
    func codableRoundTrip() throws {
        let report = try Self.report()
        let data = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(RootCauseReport.self, from: data)
        #expect(decoded == report)
        #expect(!decoded.logHints.isEmpty && !decoded.relatedSeries.isEmpty)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"change\":\"new\""))
        #expect(text.contains("\"timing\":\"leading\""))
    }

    @Test("the analyzer refuses bad configurations")
    func validation() {
        var configuration = RootCauseConfiguration()
        configuration.windowRadius = 0
        #expect(throws: RootCauseError.self) { try RootCauseAnalyzer(configuration: configuration) }
        configuration = RootCauseConfiguration()
        configuration.ranking.tolerance = 0.5
        #expect(throws: RootCauseError.self) { try RootCauseAnalyzer(configuration: configuration) }
        configuration = RootCauseConfiguration()
        configuration.coAnomaly.lagScale = 0
        #expect(throws: RootCauseError.self) { try RootCauseAnalyzer(configuration: configuration) }
    }
}
