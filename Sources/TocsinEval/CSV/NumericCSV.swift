import TocsinCore

/// Reads CSV files made of a header row of column names and numeric cells.
///
/// - The first line names the columns; names may be quoted (`"value"`), surrounding
///   spaces are ignored, and names must be non-empty and distinct.
/// - Every following line is one data row with exactly as many fields as the header.
///   Cells are decimal numbers (NaN and infinities are rejected); the timestamp column,
///   if present, holds timestamps in one of the forms ``UTCTimestamp`` accepts.
/// - A UTF-8 byte-order mark, `\r\n` line ends and blank lines at the very end are
///   accepted; a blank line between data rows is an error.
///
/// Every problem is reported as a ``CSVError`` naming the file, line and column.
public enum NumericCSV {
    /// Reads the file at `path`.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - timestampColumn: The name of the column that holds timestamps, or `nil` when no
    ///     column should be read as timestamps. The column is optional: when the header has no
    ///     column of that name, ``NumericTable/timestamps`` is `nil`.
    ///   - columns: The numeric columns to read, in the order they should appear in the table;
    ///     `nil` reads every column except the timestamp column. Columns not selected are not
    ///     parsed (their cells may hold anything), but each row must still have all its fields.
    public static func read(
        path: String,
        timestampColumn: String? = "timestamp",
        columns: [String]? = nil
    ) throws(CSVError) -> NumericTable {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path: path)
        } catch {
            throw CSVError(file: path, reason: error.reason)
        }
        return try parse(bytes: bytes, file: path, timestampColumn: timestampColumn, columns: columns)
    }

    /// Parses CSV text that is already in memory; `file` only names it in errors.
    /// The parameters are those of ``read(path:timestampColumn:columns:)``.
    public static func parse(
        bytes: [UInt8],
        file: String,
        timestampColumn: String? = "timestamp",
        columns: [String]? = nil
    ) throws(CSVError) -> NumericTable {
        try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) -> NumericTable in
            var parser = NumericCSVParser(
                bytes: buffer, file: file, timestampColumn: timestampColumn, selection: columns)
            return try parser.parse()
        }
    }

    static func missingColumnReason(available: [String]) -> String {
        let names = available.map { "\"\($0)\"" }.joined(separator: ", ")
        return "no such column (the file has \(available.isEmpty ? "no columns" : names))"
    }
}
