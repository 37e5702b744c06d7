/// A problem found while reading a numeric CSV file.
///
/// The error pinpoints the place of the problem as precisely as it is known:
/// the file, the 1-based line (the header is line 1) and the column name.
/// Its ``description`` is one line, for example
/// `data.csv:17: column "value": "abc" is not a number`.
public struct CSVError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path of the file, as it was given to the reader.
    public let file: String
    /// The 1-based line number, when the problem is on one line.
    public let line: Int?
    /// The name of the column, when the problem is in one column.
    public let column: String?
    /// What is wrong, in words.
    public let reason: String

    /// Creates an error for `file`, optionally narrowed to a `line` and a `column`.
    public init(file: String, line: Int? = nil, column: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// One line: `file[:line]: [column "name": ]reason`.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
        }
        text += ": "
        if let column {
            text += "column \"\(column)\": "
        }
        return text + reason
    }
}
