import TocsinCore
import TocsinDetect

/// What `tocsin train` learns from: a CSV file, or a series' history fetched from a source.
enum TrainingInput {
    case csv(path: String)
    /// One series: its description, its value column's name, and its points.
    case history(name: String, column: String, points: [Point])

    /// The input's name in messages.
    var name: String {
        switch self {
        case .csv(let path): path
        case .history(let name, _, _): name
        }
    }

    /// How many value columns it has.
    func columnCount() throws(CLIFailure) -> Int {
        switch self {
        case .csv(let path): try FeatureInput.load(path: path).columns.count
        case .history: 1
        }
    }

    /// The points of one series: `column` of a CSV (see ``SeriesInput``), or the history.
    func points(column: String?) throws(CLIFailure) -> [Point] {
        switch self {
        case .csv(let path): return try SeriesInput.load(path: path, column: column).points
        case .history(_, _, let points): return points
        }
    }

    /// The feature rows: a CSV's numeric columns, or the history's values as one column.
    func features() throws(CLIFailure) -> FeatureInput {
        switch self {
        case .csv(let path):
            return try FeatureInput.load(path: path)
        case .history(let name, let column, let points):
            do { return FeatureInput(columns: [column], matrix: try Matrix(rowArrays: points.map { [$0.value] })) } catch {
                throw .data("\(name): \(error.message)")
            }
        }
    }
}
