import Foundation
import Testing
import TocsinCore
import TocsinStore

@Suite("Retention")
struct RetentionTests {
    @Test("deleteOlderThan removes only rows older than the cutoff", arguments: Backend.allCases)
    func deletesOnlyOldRows(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let ids = try await store.resolveSeries([Fixture.cpu, Fixture.memory], now: Fixture.at(0), limit: 10)
            let cpu = try #require(ids[Fixture.cpu]), memory = try #require(ids[Fixture.memory])
            let cutoff = Fixture.at(100)
            let times: [Double] = [0, 50, 99.999, 100, 150]
            for series in [cpu, memory] {
                try await store.appendPoints(times.map { PointRecord(series: series, timestamp: Fixture.at($0), value: $0) })
                try await store.appendScores(times.map {
                    ScoreRecord(series: series, timestamp: Fixture.at($0), score: $0, threshold: 1, detector: "d")
                })
            }
            try await store.appendLogs(times.map {
                LogRecord(timestamp: Fixture.at($0), service: "s", instance: "i", level: .info, message: "\($0)")
            })
            let anomalies = try await store.appendAnomalies(times.map {
                AnomalyRecord(series: cpu, anomaly: Anomaly(series: Fixture.cpu, timestamp: Fixture.at($0), value: $0,
                                                            score: 1, threshold: 0.5, detector: "d"))
            })
            let incident = try await store.saveIncident(Incident(
                scope: ["service": "s"], start: Fixture.at(0), end: Fixture.at(150), anomalyCount: 5, maxScore: 1,
                series: [Fixture.cpu], status: .open
            ))
            try await store.assign(anomalies: anomalies.map(\.id), to: incident)
            try await store.saveModel(ModelRecord(series: cpu, detector: "d", artifact: Data([1]), updated: Fixture.at(0)))

            // 3 old points and 3 old scores in each of 2 series, 3 old logs, 3 old anomalies.
            #expect(try await store.deleteOlderThan(cutoff) == 2 * 3 * 2 + 3 + 3)

            for series in [cpu, memory] {
                let points = try await store.points(series: series, from: Fixture.at(-1000), to: Fixture.at(1000), limit: 100)
                #expect(points == [
                    ScoredPoint(timestamp: Fixture.at(100), value: 100, score: 100, threshold: 1),
                    ScoredPoint(timestamp: Fixture.at(150), value: 150, score: 150, threshold: 1),
                ])
            }
            let logs = try await store.logs(from: Fixture.at(-1000), to: Fixture.at(1000), service: nil, instance: nil, limit: 100)
            #expect(logs.map(\.message) == ["100.0", "150.0"])
            let kept = try await store.anomalies(from: Fixture.at(-1000), to: Fixture.at(1000), series: nil, limit: 100)
            #expect(kept.map(\.id) == [anomalies[4].id, anomalies[3].id])
            #expect(try await store.anomalies(incident: incident).map(\.id) == [anomalies[3].id, anomalies[4].id])
            #expect(try await store.incident(id: incident) != nil)
            #expect(try await store.allSeries().count == 2)
            #expect(try await store.loadModels().count == 1)
            #expect(try await store.deleteOlderThan(cutoff) == 0)
        }
    }
}
