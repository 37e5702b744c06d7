import Foundation
import Testing
import TocsinCore
import TocsinStore

@Suite("Series")
struct SeriesTests {
    @Test("resolving creates missing series once and reuses identifiers", arguments: Backend.allCases)
    func resolvesAndReuses(backend: Backend) async throws {
        try await withStore(backend) { store, database in
            let first = try await store.resolveSeries([Fixture.cpu, Fixture.memory], now: Fixture.at(0), limit: 100)
            #expect(first.count == 2)
            #expect(first[Fixture.cpu] != first[Fixture.memory])

            let second = try await store.resolveSeries(
                [Fixture.memory, Fixture.latency, Fixture.cpu], now: Fixture.at(60), limit: 100
            )
            #expect(second[Fixture.cpu] == first[Fixture.cpu])
            #expect(second[Fixture.memory] == first[Fixture.memory])
            let latency = try #require(second[Fixture.latency])

            let all = try await store.allSeries()
            #expect(all.map(\.key) == [Fixture.cpu, Fixture.memory, Fixture.latency])
            #expect(all.map(\.id) == all.map(\.id).sorted())
            #expect(all.first?.created == Fixture.at(0))
            #expect(all.last?.created == Fixture.at(60))
            #expect(try await store.series(id: latency)?.key == Fixture.latency)
            #expect(try await store.series(id: latency + 1000) == nil)

            // A second store on the same database has no cache: it reads the same identifiers.
            let other = try await database.open()
            let reread = try await other.resolveSeries([Fixture.latency, Fixture.cpu], now: Fixture.at(120), limit: 100)
            try await other.close()
            #expect(reread == [Fixture.latency: latency, Fixture.cpu: try #require(first[Fixture.cpu])])
        }
    }

    @Test("labels are normalised and duplicates in one call give one series", arguments: Backend.allCases)
    func duplicatesAndLabelOrder(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let a = SeriesKey(name: "m", labels: ["b": "2", "a": "1", "quote": "say \"hi\"/\\"])
            let b = SeriesKey(name: "m", labels: ["quote": "say \"hi\"/\\", "a": "1", "b": "2"])
            let ids = try await store.resolveSeries([a, b, a], now: Fixture.at(0), limit: 10)
            #expect(ids.count == 1)
            let all = try await store.allSeries()
            #expect(all.count == 1)
            #expect(all.first?.key == a)
            #expect(all.first?.key["quote"] == "say \"hi\"/\\")
        }
    }

    @Test("creating series past the limit fails with .cardinality and creates none", arguments: Backend.allCases)
    func cardinality(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let keys = Fixture.keys(4)
            let known = try await store.resolveSeries(Array(keys[0..<2]), now: Fixture.at(0), limit: 3)

            let error = await #expect(throws: StoreError.self) {
                try await store.resolveSeries([keys[0], keys[2], keys[3]], now: Fixture.at(1), limit: 3)
            }
            #expect(error?.kind == .cardinality)
            #expect(try await store.allSeries().count == 2)

            let filled = try await store.resolveSeries([keys[0], keys[2]], now: Fixture.at(2), limit: 3)
            #expect(filled[keys[0]] == known[keys[0]])
            #expect(try await store.allSeries().count == 3)

            // Known series resolve at the limit; one more does not.
            #expect(try await store.resolveSeries(Array(keys[0..<3]), now: Fixture.at(3), limit: 3).count == 3)
            let again = await #expect(throws: StoreError.self) {
                try await store.resolveSeries([keys[3]], now: Fixture.at(4), limit: 3)
            }
            #expect(again?.kind == .cardinality)
        }
    }

    @Test("concurrent resolutions of the same new keys agree on identifiers", arguments: Backend.allCases)
    func concurrentResolution(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let keys = Fixture.keys(50)
            let results = try await withThrowingTaskGroup(of: [SeriesKey: Int64].self) { group in
                for task in 0..<6 {
                    group.addTask { try await store.resolveSeries(keys.shuffled(), now: Fixture.at(Double(task)), limit: 50) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.count == 6)
            #expect(Set(results).count == 1)
            #expect(try await store.allSeries().count == 50)
        }
    }
}
