import Foundation
import Synchronization
import Testing
import TocsinCore
import TocsinPipeline
import TocsinStore

@Suite("Ingestor")
struct IngestorTests {
    final class Recorder: IngestObserver {
        let points = Mutex<[SeriesKey]>([])
        let records = Mutex<[String]>([])
        func ingested(_ points: [(key: SeriesKey, point: Point)]) { self.points.withLock { $0 += points.map(\.key) } }
        func ingested(_ records: [LogRecord]) { self.records.withLock { $0 += records.map(\.message) } }
    }

    @Test("stored points and logs reach the observer; a refused batch does not")
    func observerSeesStoredData() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-ingestor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("t.sqlite").path)
        try await store.migrate()
        let engine = DetectionEngine(store: store, factory: try DetectorFactory(fallback: .init(detector: "threshold")), capacity: 10)
        let recorder = Recorder()
        let ingestor = Ingestor(store: store, engine: engine, maxSeries: 10, observer: recorder)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let cpu = SeriesKey(name: "cpu", labels: ["instance": "i-1"])
        #expect(try await ingestor.ingest([(cpu, Point(timestamp: now, value: 1)), (cpu, Point(timestamp: now.addingTimeInterval(1), value: 2))], now: now) == 2)
        await #expect(throws: Ingestor.Refusal.self) {
            try await ingestor.ingest((0..<20).map { (cpu, Point(timestamp: now.addingTimeInterval(Double($0 + 10)), value: 1)) }, now: now)
        }
        try await ingestor.ingest([LogRecord(timestamp: now, service: "api", instance: "i-1", level: .error, message: "boom")])
        #expect(recorder.points.withLock { $0 } == [cpu, cpu])
        #expect(recorder.records.withLock { $0 } == ["boom"])
        #expect(try await store.logs(from: now, to: now.addingTimeInterval(1), service: nil, instance: nil, limit: 10).map(\.message) == ["boom"])
        try await store.close()
    }
}
