import Foundation
import GRDB

extension SQLiteStore {
    /// Saves (or replaces) the model of a series.
    public func saveModel(_ model: ModelRecord) async throws {
        let updated = EpochMilliseconds.from(model.updated)
        try await write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO models (series, detector, artifact, updated) VALUES (?, ?, ?, ?)",
                arguments: [model.series, model.detector, model.artifact, updated]
            )
        }
    }

    /// Every saved model, ordered by series.
    public func loadModels() async throws -> [ModelRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT series, detector, artifact, updated FROM models ORDER BY series").map { row in
                ModelRecord(
                    series: try row.decode(Int64.self, atIndex: 0), detector: try row.decode(String.self, atIndex: 1),
                    artifact: try row.decode(Data.self, atIndex: 2),
                    updated: EpochMilliseconds.date(try row.decode(Int64.self, atIndex: 3))
                )
            }
        }
    }
}
