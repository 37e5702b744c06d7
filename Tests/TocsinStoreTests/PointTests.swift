import Foundation
import Testing
import TocsinCore
import TocsinStore

@Suite("Points and scores")
struct PointTests {
    @Test("appends are idempotent and return the count of new points", arguments: Backend.allCases)
    func idempotentAppends(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let id = try #require(try await store.resolveSeries([Fixture.cpu], now: Fixture.at(0), limit: 10)[Fixture.cpu])
            let first = (0..<3).map { PointRecord(series: id, timestamp: Fixture.at(Double($0)), value: Double($0)) }
            #expect(try await store.appendPoints(first) == 3)
            #expect(try await store.appendPoints(first) == 0)

            // Stored points keep their first value; a duplicate inside the batch counts once.
            let retry = first.map { PointRecord(series: id, timestamp: $0.timestamp, value: -1) }
            let fresh = [
                PointRecord(series: id, timestamp: Fixture.at(3), value: 3),
                PointRecord(series: id, timestamp: Fixture.at(4), value: 4),
                PointRecord(series: id, timestamp: Fixture.at(4), value: 40),
            ]
            #expect(try await store.appendPoints(retry + fresh) == 2)
            #expect(try await store.appendPoints([]) == 0)

            let stored = try await store.points(series: id, from: Fixture.at(0), to: Fixture.at(10), limit: 100)
            #expect(stored.map(\.timestamp) == (0..<5).map { Fixture.at(Double($0)) })
            #expect(stored.map(\.value) == [0, 1, 2, 3, 4])
        }
    }

    @Test("large batches keep the first value and the last score of a repeated point", arguments: Backend.allCases)
    func largeBatches(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let id = try #require(try await store.resolveSeries([Fixture.cpu], now: Fixture.at(0), limit: 10)[Fixture.cpu])
            // 999 rows (not a multiple of any statement size); rows 3 and 900 share a timestamp.
            var points = (0..<999).map { PointRecord(series: id, timestamp: Fixture.at(Double($0)), value: Double($0)) }
            points[900].timestamp = Fixture.at(3)
            #expect(try await store.appendPoints(points) == 998)
            var scores = points.map {
                ScoreRecord(series: id, timestamp: $0.timestamp, score: $0.value, threshold: 1, detector: "d")
            }
            scores[3].score = -3
            try await store.appendScores(scores)

            let stored = try await store.points(series: id, from: Fixture.at(0), to: Fixture.at(1000), limit: 2000)
            #expect(stored.count == 998)
            #expect(stored[3] == ScoredPoint(timestamp: Fixture.at(3), value: 3, score: 900, threshold: 1))
            #expect(stored.allSatisfy { $0.timestamp == Fixture.at(3) || $0.score == $0.value })
        }
    }

    @Test("points in [from, to) come oldest first with their scores joined", arguments: Backend.allCases)
    func rangeWithScores(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let ids = try await store.resolveSeries([Fixture.cpu, Fixture.memory], now: Fixture.at(0), limit: 10)
            let cpu = try #require(ids[Fixture.cpu])
            let memory = try #require(ids[Fixture.memory])
            // Appended newest first, with a sub-second timestamp.
            let points = (0..<10).reversed().map { PointRecord(series: cpu, timestamp: Fixture.at(Double($0) * 10.5), value: Double($0)) }
            try await store.appendPoints(points)
            try await store.appendPoints([PointRecord(series: memory, timestamp: Fixture.at(21), value: 99)])
            try await store.appendScores([
                ScoreRecord(series: cpu, timestamp: Fixture.at(21), score: 0.9, threshold: 0.7, detector: "zscore"),
                ScoreRecord(series: cpu, timestamp: Fixture.at(42), score: 0.2, threshold: 0.7, detector: "zscore"),
                ScoreRecord(series: memory, timestamp: Fixture.at(31.5), score: 5, threshold: 1, detector: "other"),
            ])

            let range = try await store.points(series: cpu, from: Fixture.at(21), to: Fixture.at(63), limit: 100)
            #expect(range == [
                ScoredPoint(timestamp: Fixture.at(21), value: 2, score: 0.9, threshold: 0.7),
                ScoredPoint(timestamp: Fixture.at(31.5), value: 3, score: nil, threshold: nil),
                ScoredPoint(timestamp: Fixture.at(42), value: 4, score: 0.2, threshold: 0.7),
                ScoredPoint(timestamp: Fixture.at(52.5), value: 5, score: nil, threshold: nil),
            ])
            let limited = try await store.points(series: cpu, from: Fixture.at(0), to: Fixture.at(1000), limit: 2)
            #expect(limited.map(\.value) == [0, 1])
            #expect(try await store.points(series: memory, from: Fixture.at(0), to: Fixture.at(100), limit: 10).map(\.value) == [99])
            #expect(try await store.points(series: cpu, from: Fixture.at(63), to: Fixture.at(63), limit: 10).isEmpty)
        }
    }

    @Test("a new score of a point replaces the earlier one", arguments: Backend.allCases)
    func scoreReplacement(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let id = try #require(try await store.resolveSeries([Fixture.cpu], now: Fixture.at(0), limit: 10)[Fixture.cpu])
            try await store.appendPoints([PointRecord(series: id, timestamp: Fixture.at(5), value: 1)])
            try await store.appendScores([ScoreRecord(series: id, timestamp: Fixture.at(5), score: 0.1, threshold: 1, detector: "a")])
            try await store.appendScores([
                ScoreRecord(series: id, timestamp: Fixture.at(5), score: 0.5, threshold: 2, detector: "b"),
                ScoreRecord(series: id, timestamp: Fixture.at(5), score: 0.8, threshold: 3, detector: "c"),
            ])
            let points = try await store.points(series: id, from: Fixture.at(0), to: Fixture.at(10), limit: 10)
            #expect(points == [ScoredPoint(timestamp: Fixture.at(5), value: 1, score: 0.8, threshold: 3)])
        }
    }

    @Test("concurrent appends from several tasks lose nothing", arguments: Backend.allCases)
    func concurrentAppends(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let keys = Fixture.keys(4)
            let ids = try await store.resolveSeries(keys, now: Fixture.at(0), limit: 10)
            let series = keys.compactMap { ids[$0] }
            let tasks = 8, batches = 10, perBatch = 250
            // Every task writes its own timestamps to every series, and resends its first batch.
            let inserted = try await withThrowingTaskGroup(of: Int.self) { group in
                for task in 0..<tasks {
                    group.addTask {
                        var total = 0
                        for batch in 0..<batches {
                            let points = (0..<perBatch).map { index in
                                let n = (task * batches + batch) * perBatch + index
                                return PointRecord(series: series[n % series.count], timestamp: Fixture.at(Double(n)), value: Double(n))
                            }
                            total += try await store.appendPoints(points)
                            if batch == 0 { total += try await store.appendPoints(points) }
                        }
                        return total
                    }
                }
                return try await group.reduce(0, +)
            }
            let expected = tasks * batches * perBatch
            #expect(inserted == expected)
            var stored = 0
            for id in series {
                let points = try await store.points(series: id, from: Fixture.at(0), to: Fixture.at(Double(expected)), limit: expected)
                #expect(points.allSatisfy { series[Int($0.value) % series.count] == id })
                stored += points.count
            }
            #expect(stored == expected)
        }
    }
}
