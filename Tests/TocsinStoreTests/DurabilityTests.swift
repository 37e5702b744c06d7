import Foundation
import Testing
import TocsinCore
import TocsinStore

@Suite("Durability")
struct DurabilityTests {
    @Test("closing and reopening the store keeps everything", arguments: Backend.allCases)
    func reopenKeepsEverything(backend: Backend) async throws {
        try await withStore(backend) { store, database in
            let ids = try await store.resolveSeries([Fixture.cpu, Fixture.latency], now: Fixture.at(0), limit: 10)
            let cpu = try #require(ids[Fixture.cpu])
            let points = (0..<100).map { PointRecord(series: cpu, timestamp: Fixture.at(Double($0)), value: Double($0) / 3) }
            try await store.appendPoints(points)
            try await store.appendScores([ScoreRecord(series: cpu, timestamp: Fixture.at(7), score: 2, threshold: 1, detector: "z")])
            let log = LogRecord(timestamp: Fixture.at(3), service: "checkout", instance: "i-1", level: .error, message: "boom",
                                fields: ["k": "v"])
            try await store.appendLogs([log])
            let anomaly = try await store.appendAnomalies([AnomalyRecord(
                series: cpu, anomaly: Anomaly(series: Fixture.cpu, timestamp: Fixture.at(7), value: 7.0 / 3, score: 2,
                                              threshold: 1, detector: "z")
            )])
            let incident = try await store.saveIncident(Incident(
                scope: ["service": "checkout"], start: Fixture.at(7), end: Fixture.at(7), anomalyCount: 1, maxScore: 2,
                series: [Fixture.cpu], status: .open
            ))
            try await store.assign(anomalies: anomaly.map(\.id), to: incident)
            let model = ModelRecord(series: cpu, detector: "z", artifact: Data([9, 8, 7]), updated: Fixture.at(9))
            try await store.saveModel(model)
            let series = try await store.allSeries()
            try await store.close()

            let reopened = try await database.open()
            #expect(try await reopened.allSeries() == series)
            #expect(try await reopened.resolveSeries([Fixture.latency, Fixture.cpu], now: Fixture.at(50), limit: 2) == ids)
            let stored = try await reopened.points(series: cpu, from: Fixture.at(0), to: Fixture.at(100), limit: 1000)
            #expect(stored.map(\.value) == points.map(\.value))
            #expect(stored[7].score == 2)
            #expect(try await reopened.appendPoints(points) == 0)
            #expect(try await reopened.logs(from: Fixture.at(0), to: Fixture.at(10), service: nil, instance: nil, limit: 10) == [log])
            var linked = try #require(anomaly.first)
            linked.incident = incident
            #expect(try await reopened.anomalies(incident: incident) == [linked])
            #expect(try await reopened.incident(id: incident)?.series == [Fixture.cpu])
            #expect(try await reopened.loadModels() == [model])
            try await reopened.close()

            // withStore closes its store again: closing twice is harmless.
        }
    }

    @Test("committed writes are visible to a new store while the first is still open", arguments: Backend.allCases)
    func committedWithoutClose(backend: Backend) async throws {
        try await withStore(backend) { store, database in
            let id = try #require(try await store.resolveSeries([Fixture.cpu], now: Fixture.at(0), limit: 10)[Fixture.cpu])
            let points = (0..<1000).map { PointRecord(series: id, timestamp: Fixture.at(Double($0)), value: Double($0)) }
            #expect(try await store.appendPoints(points) == 1000)

            // As after a crash of the first process: nothing was closed or flushed explicitly.
            let second = try await database.open()
            let seen = try await second.points(series: id, from: Fixture.at(0), to: Fixture.at(1000), limit: 2000)
            try await second.close()
            #expect(seen.count == 1000)
        }
    }
}
