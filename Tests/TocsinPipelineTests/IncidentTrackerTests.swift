import Foundation
import Testing
import TocsinCore
import TocsinPipeline

@Suite("Incident tracker")
struct IncidentTrackerTests {
    static func anomaly(_ name: String, service: String?, instance: String = "i-1", at seconds: Double, score: Double = 0.9) -> Anomaly {
        var labels = ["instance": instance]
        if let service { labels["service"] = service }
        return Anomaly(series: SeriesKey(name: name, labels: labels), timestamp: Date(timeIntervalSince1970: seconds), value: 1,
                       score: score, threshold: 0.5, detector: "test")
    }

    @Test("anomalies close in time on one service form one incident")
    func groups() {
        var tracker = IncidentTracker(gap: 600)
        let update = tracker.record([
            Self.anomaly("cpu", service: "api", at: 0),
            Self.anomaly("latency", service: "api", instance: "i-2", at: 120, score: 0.95),
            Self.anomaly("cpu", service: "db", at: 130),
        ])
        #expect(update.scopes == ["service=api", "service=api", "service=db"])
        let api = update.changed["service=api"]
        #expect(api?.anomalyCount == 2)
        #expect(api?.maxScore == 0.95)
        #expect(api?.series.count == 2)
        #expect(api?.end == Date(timeIntervalSince1970: 120))
        #expect(update.changed.count == 2)
    }

    @Test("a quiet gap resolves an incident; a later anomaly opens a new one")
    func resolves() {
        var tracker = IncidentTracker(gap: 600)
        _ = tracker.record([Self.anomaly("cpu", service: "api", at: 0)])
        tracker.stored(scope: "service=api", id: 7)
        #expect(tracker.expire(now: Date(timeIntervalSince1970: 500)).isEmpty)
        let resolved = tracker.expire(now: Date(timeIntervalSince1970: 700))
        #expect(resolved.map(\.id) == [7])
        #expect(resolved.first?.status == .resolved)
        let later = tracker.record([Self.anomaly("cpu", service: "api", at: 2_000)])
        #expect(later.changed["service=api"]?.id == 0)
        #expect(later.resolved.isEmpty)
    }

    @Test("within one batch a gap closes the earlier incident")
    func gapInsideBatch() {
        var tracker = IncidentTracker(gap: 60)
        let update = tracker.record([Self.anomaly("cpu", service: "api", at: 0), Self.anomaly("cpu", service: "api", at: 1_000)])
        #expect(update.resolved.count == 1)
        #expect(update.changed["service=api"]?.start == Date(timeIntervalSince1970: 1_000))
    }

    @Test("without a service label the instance, else the series, is the scope")
    func scopes() {
        #expect(IncidentTracker.scope(of: SeriesKey(name: "m", labels: ["instance": "i-9"])) == ["instance": "i-9"])
        #expect(IncidentTracker.scope(of: SeriesKey(name: "m")) == ["series": "m"])
    }
}
