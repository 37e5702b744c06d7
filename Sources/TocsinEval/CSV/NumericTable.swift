/// The numbers of a CSV file: optional timestamps plus one or more numeric columns.
///
/// Row `r` of the table was line `r + 2` of the file (line 1 is the header; the reader
/// rejects blank lines between data rows, so the numbering never drifts).
public struct NumericTable: Sendable {
    /// The path of the file the table was read from.
    public let file: String
    /// The names of the numeric columns held in ``values``, in order.
    public let columns: [String]
    /// Epoch seconds (UTC) of each row, when the file has a timestamp column.
    public let timestamps: [Double]?
    /// The number of data rows.
    public let rows: Int
    /// All numeric cells, row-major: the cell of row `r` and column `c` is
    /// `values[r * columns.count + c]`. The timestamp column is not included.
    public let values: [Double]

    /// Creates a table; `values` must hold `rows * columns.count` numbers, row-major.
    init(file: String, columns: [String], timestamps: [Double]?, rows: Int, values: [Double]) {
        self.file = file
        self.columns = columns
        self.timestamps = timestamps
        self.rows = rows
        self.values = values
    }

    /// The cells of the column called `name`, top to bottom, or `nil` if there is no such column.
    public func column(_ name: String) -> [Double]? {
        guard let index = columns.firstIndex(of: name) else { return nil }
        if columns.count == 1 { return values }
        return (0..<rows).map { values[$0 * columns.count + index] }
    }

    /// The cells of the column called `name`; throws an error naming the file and the column
    /// when there is no such column.
    public func requireColumn(_ name: String) throws(CSVError) -> [Double] {
        guard let cells = column(name) else {
            throw CSVError(file: file, column: name, reason: NumericCSV.missingColumnReason(available: columns))
        }
        return cells
    }

    /// The 1-based line of the file that held data row `row` (0-based).
    public static func line(ofRow row: Int) -> Int {
        row + 2
    }
}
