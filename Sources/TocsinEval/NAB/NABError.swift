/// A problem with the NAB corpus, its labels or profiles, a results directory, or a set of
/// anomaly scores.
///
/// Its ``description`` is one line naming the file (a path, or a corpus key such as
/// `realKnownCause/nyc_taxi.csv` for scores held in memory), and the line and column
/// when they are known, for example
/// `results/det/realKnownCause/det_nyc_taxi.csv:17: column "anomaly_score": 1.5 is outside [0, 1]`.
public struct NABError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path of the file, or the corpus key of the data file, the problem is about.
    public let file: String
    /// The 1-based line number, when the problem is on one line of `file`.
    public let line: Int?
    /// The name of the column, when the problem is in one column of `file`.
    public let column: String?
    /// What is wrong, in words.
    public let reason: String

    /// Creates an error about `file`, optionally narrowed to a `line` and a `column`.
    public init(file: String, line: Int? = nil, column: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// The same problem as a CSV reading error, kept with its file, line and column.
    public init(_ error: CSVError) {
        self.init(file: error.file, line: error.line, column: error.column, reason: error.reason)
    }

    /// One line: `file[:line]: [column "name": ]reason`.
    public var description: String {
        CSVError(file: file, line: line, column: column, reason: reason).description
    }
}
