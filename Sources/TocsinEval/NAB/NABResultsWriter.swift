import TocsinCore

/// Writes a detector's anomaly scores as a NAB results directory that the official NAB scorer
/// (and ``NABResultsReader``) can read.
///
/// Each data file `data/<category>/<file>.csv` gets `<directory>/<detector>/<category>/<detector>_<file>.csv`
/// with the header `timestamp,value,anomaly_score,label` and one row per data row: the timestamp
/// as `YYYY-MM-DD HH:MM:SS`, the value printed so that it reads back exactly, the anomaly score
/// clamped to [0, 1], and the label 1 inside a window, else 0.
public enum NABResultsWriter {
    /// The header of every results file.
    public static let header = "timestamp,value,anomaly_score,label"

    /// Writes the results of `detector` under `directory`, creating folders as needed and
    /// replacing existing files.
    ///
    /// - Parameter scores: Anomaly scores keyed by corpus key (`category/file.csv`), one per
    ///   data row; every corpus file needs its scores. NaN scores are rejected.
    public static func write(
        detector: String, scores: [String: [Double]], corpus: NABCorpus, to directory: String
    ) throws(NABError) {
        try NABResultsLayout.validate(detector: detector, directory: directory)
        for file in corpus.files {
            guard let fileScores = scores[file.key] else {
                throw NABError(file: file.key, reason: "has no anomaly scores to write")
            }
            guard fileScores.count == file.rowCount else {
                throw NABError(
                    file: file.key, reason: "has \(fileScores.count) anomaly scores but \(file.rowCount) data rows")
            }
            if let row = fileScores.firstIndex(where: \.isNaN) {
                throw NABError(file: file.key, reason: "row \(row): anomaly score is NaN")
            }
        }
        for file in corpus.files {
            let folder = NABResultsLayout.folder(directory: directory, detector: detector, category: file.category)
            let path = NABResultsLayout.path(directory: directory, detector: detector, file: file)
            do {
                try FileSystem.createDirectories(path: folder)
                try FileSystem.writeBytes(contents(of: file, scores: scores[file.key] ?? []), path: path)
            } catch {
                throw NABError(file: path, reason: error.reason)
            }
        }
    }

    private static func contents(of file: NABFile, scores: [Double]) -> [UInt8] {
        let labels = file.windowLabels
        var bytes = Array(header.utf8)
        bytes.reserveCapacity(file.rowCount * 48)
        bytes.append(UInt8(ascii: "\n"))
        for row in 0..<file.rowCount {
            UTCTimestamp.append(file.timestamps[row], to: &bytes)
            bytes.append(UInt8(ascii: ","))
            bytes.append(contentsOf: exactText(file.values[row]).utf8)
            bytes.append(UInt8(ascii: ","))
            bytes.append(contentsOf: exactText(min(max(scores[row], 0), 1)).utf8)
            bytes.append(UInt8(ascii: ","))
            bytes.append(labels[row] ? UInt8(ascii: "1") : UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// The shortest text that reads back as exactly `value`; whole numbers without `.0`.
    static func exactText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return value.description
    }
}
