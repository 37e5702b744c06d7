import Foundation
import Testing
import TocsinCore
import TocsinStore

@Suite("Models")
struct ModelTests {
    @Test("models are saved, replaced and loaded", arguments: Backend.allCases)
    func saveReplaceLoad(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let ids = try await store.resolveSeries([Fixture.cpu, Fixture.memory], now: Fixture.at(0), limit: 10)
            let cpu = try #require(ids[Fixture.cpu]), memory = try #require(ids[Fixture.memory])
            #expect(try await store.loadModels().isEmpty)

            let blob = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            try await store.saveModel(ModelRecord(series: memory, detector: "zscore", artifact: Data([0, 1, 2]), updated: Fixture.at(1)))
            try await store.saveModel(ModelRecord(series: cpu, detector: "zscore", artifact: Data("{}".utf8), updated: Fixture.at(2)))
            try await store.saveModel(ModelRecord(series: cpu, detector: "iforest", artifact: blob, updated: Fixture.at(3)))

            let models = try await store.loadModels().sorted { $0.series < $1.series }
            let expected = [
                ModelRecord(series: cpu, detector: "iforest", artifact: blob, updated: Fixture.at(3)),
                ModelRecord(series: memory, detector: "zscore", artifact: Data([0, 1, 2]), updated: Fixture.at(1)),
            ].sorted { $0.series < $1.series }
            #expect(models == expected)
        }
    }
}
