import TocsinDetect
import TocsinEval

/// A matrix of feature vectors read from a CSV file for `tocsin score`.
struct FeatureInput {
    /// The feature column names (every column but `timestamp`).
    let columns: [String]
    /// The rows.
    let matrix: Matrix

    static func load(path: String) throws(CLIFailure) -> FeatureInput {
        let table: NumericTable
        do { table = try NumericCSV.read(path: path) } catch { throw .data(error.description) }
        guard !table.columns.isEmpty else { throw .data("\(path): no feature columns besides timestamp") }
        do {
            return FeatureInput(columns: table.columns,
                                matrix: try Matrix(rows: table.rows, columns: table.columns.count, storage: table.values))
        } catch {
            throw .data("\(path): \(error.message)")
        }
    }
}
