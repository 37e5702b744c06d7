import Foundation
import TocsinCore
import TocsinEval

/// A univariate series read from a CSV file for `tocsin detect`.
struct SeriesInput {
    /// The points, in file order.
    let points: [Point]
    /// Whether the file had a timestamp column (otherwise timestamps are row numbers).
    let hasTimestamps: Bool
    /// The value column used.
    let column: String

    /// Reads `path`; `column` defaults to `value`, or to the only non-timestamp column.
    static func load(path: String, column requested: String?) throws(CLIFailure) -> SeriesInput {
        let table: NumericTable
        do { table = try NumericCSV.read(path: path) } catch { throw .data(error.description) }
        let column: String
        if let requested {
            column = requested
        } else if table.columns.contains("value") {
            column = "value"
        } else if table.columns.count == 1 {
            column = table.columns[0]
        } else {
            throw .usage("\(path): several value columns (\(table.columns.joined(separator: ", "))); choose one with --column")
        }
        guard let values = table.column(column) else {
            throw .data("\(path): no column \"\(column)\"; columns are \(table.columns.joined(separator: ", "))")
        }
        let times = table.timestamps ?? values.indices.map(Double.init)
        let points = zip(times, values).map { Point(epochSeconds: $0, value: $1) }
        return SeriesInput(points: points, hasTimestamps: table.timestamps != nil, column: column)
    }
}
