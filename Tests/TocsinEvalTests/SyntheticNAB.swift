import TocsinCore
import Foundation
import TocsinEval

/// Small hand-made NAB corpora, in memory or written to disk in NAB's layout.
enum SyntheticNAB {
    /// 5-minute steps from 2014-07-01 00:00:00 UTC.
    static func timestamps(count: Int) -> [Double] {
        (0..<count).map { 1_404_172_800 + Double($0) * 300 }
    }

    /// A file of `rows` rows (values 0, 1, 2, ...) with the given windows.
    static func file(
        _ name: String, category: String = "synthetic", rows: Int, windows: [ClosedRange<Int>] = []
    ) throws -> NABFile {
        try NABFile(
            category: category, name: name, timestamps: timestamps(count: rows),
            values: (0..<rows).map(Double.init), windows: windows)
    }

    /// Writes `files` as `root/data/<category>/<name>` and their windows as
    /// `root/labels/combined_windows.json`.
    static func write(_ files: [NABFile], to root: String) throws {
        var labels: [String] = []
        for file in files {
            var text = "timestamp,value\n"
            for row in 0..<file.rowCount {
                text += UTCTimestamp.format(file.timestamps[row]) + "," + "\(file.values[row])\n"
            }
            try writeText(text, to: root + "/data/" + file.key)
            let windows = file.windows.map { window in
                "[\"\(UTCTimestamp.format(file.timestamps[window.lowerBound])).000000\", "
                    + "\"\(UTCTimestamp.format(file.timestamps[window.upperBound])).000000\"]"
            }
            labels.append("\"\(file.key)\": [\(windows.joined(separator: ", "))]")
        }
        try writeText("{\n" + labels.joined(separator: ",\n") + "\n}\n", to: root + "/labels/combined_windows.json")
    }
}
