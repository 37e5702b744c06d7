import Foundation
import Synchronization
import TocsinCore
import TocsinEval

/// A CSV file of `timestamp,value` rows (NAB's layout) that another job appends to: each
/// pull reads the file and returns the rows newer than the newest one already returned.
/// After a restart the whole file is read again, which is harmless: the store ignores
/// points it already has and detectors skip points that are not newer than their latest.
public final class CSVFileSource: PullSource {
    /// The file.
    public let path: String
    /// The series the rows become.
    public let key: SeriesKey
    private let newest = Mutex<Double?>(nil)

    /// Creates the source.
    public init(path: String, key: SeriesKey) {
        self.path = path
        self.key = key
    }

    public var name: String { "csv:\(path)" }

    /// The new rows; a malformed file throws a ``CSVError`` naming its line and column.
    public func pull() async throws -> [(key: SeriesKey, point: Point)] {
        let table = try NumericCSV.read(path: path, timestampColumn: "timestamp", columns: ["value"])
        guard let timestamps = table.timestamps else {
            throw CSVError(file: path, reason: "no timestamp column")
        }
        let values = try table.requireColumn("value")
        let after = newest.withLock { $0 } ?? -.infinity
        var points: [(key: SeriesKey, point: Point)] = []
        for (time, value) in zip(timestamps, values) where time > after {
            points.append((key, Point(epochSeconds: time, value: value)))
        }
        if let last = points.map(\.point.timestamp.timeIntervalSince1970).max() {
            newest.withLock { $0 = max($0 ?? -.infinity, last) }
        }
        return points
    }
}
