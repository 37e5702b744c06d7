import Foundation
import ServiceLifecycle
import Testing
import TocsinCore
import TocsinPipeline
import TocsinStore

@Suite("Retention service")
struct RetentionServiceTests {
    @Test("deletes points older than keep at once, keeps newer ones, and stops on shutdown")
    func deletesOldData() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-retention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("t.sqlite").path)
        try await store.migrate()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let id = try #require(try await store.resolveSeries([SeriesKey(name: "cpu")], now: now, limit: 10).values.first)
        let days = (0..<10).map { now.addingTimeInterval(-Double($0) * 86_400) }
        _ = try await store.appendPoints(days.map { PointRecord(series: id, timestamp: $0, value: 1) })

        let service = RetentionService(store: store, keep: 3.5 * 86_400, every: .seconds(3_600), now: { now })
        let group = ServiceGroup(services: [service], logger: .init(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var remaining: [ScoredPoint] = []
            for _ in 0..<100 {
                remaining = try await store.points(series: id, from: .distantPast, to: .distantFuture, limit: 100)
                if remaining.count == 4 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(remaining.map(\.timestamp).sorted() == Array(days.prefix(4)).sorted())
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        try await store.close()
    }
}
