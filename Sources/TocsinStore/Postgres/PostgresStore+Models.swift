import Foundation
import PostgresNIO

extension PostgresStore {
    /// Saves (or replaces) the model of a series.
    public func saveModel(_ model: ModelRecord) async throws {
        _ = try await fetch("""
            INSERT INTO models (series, detector, artifact, updated)
            VALUES (\(model.series), \(model.detector), \(model.artifact), \(EpochMilliseconds.from(model.updated)))
            ON CONFLICT (series) DO UPDATE SET
                detector = EXCLUDED.detector, artifact = EXCLUDED.artifact, updated = EXCLUDED.updated
            """) { _ in }
    }

    /// Every saved model, ordered by series.
    public func loadModels() async throws -> [ModelRecord] {
        try await fetch("SELECT series, detector, artifact, updated FROM models ORDER BY series") { row in
            let (series, detector, artifact, updated) = try row.decode((Int64, String, Data, Int64).self)
            return ModelRecord(series: series, detector: detector, artifact: artifact, updated: EpochMilliseconds.date(updated))
        }
    }
}
