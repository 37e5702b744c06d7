/// Reads the anomaly scores of a NAB results directory, such as the shipped `results/` of the
/// NAB repository or one written by ``NABResultsWriter``.
///
/// For each corpus file it reads `<directory>/<detector>/<category>/<detector>_<file>.csv`
/// and uses only its `anomaly_score` column, paired with the data rows by position (the
/// timestamps of the data file are the ones that count, as in NAB).
public enum NABResultsReader {
    /// The anomaly scores of `detector`, keyed by corpus key, one per data row.
    ///
    /// Throws an error naming the file (and the line, when there is one) when a results file is
    /// missing, cannot be read as CSV, has no `anomaly_score` column, has a different number of
    /// rows than its data file, or holds a score outside [0, 1].
    public static func read(
        detector: String, from directory: String, corpus: NABCorpus
    ) throws(NABError) -> [String: [Double]] {
        try NABResultsLayout.validate(detector: detector, directory: directory)
        var scores: [String: [Double]] = [:]
        for file in corpus.files {
            let path = NABResultsLayout.path(directory: directory, detector: detector, file: file)
            guard FileSystem.isFile(path) else {
                throw NABError(file: path, reason: "results file is missing (one is needed for \(file.key))")
            }
            let column = "anomaly_score"
            let table: NumericTable
            do {
                table = try NumericCSV.read(path: path, timestampColumn: nil, columns: [column])
            } catch {
                throw NABError(error)
            }
            guard table.rows == file.rowCount else {
                throw NABError(
                    file: path,
                    reason: "has \(table.rows) data rows but the data file \(file.key) has \(file.rowCount)")
            }
            for (row, score) in table.values.enumerated() where !(score >= 0 && score <= 1) {
                throw NABError(
                    file: path, line: NumericTable.line(ofRow: row), column: column,
                    reason: "\(score) is outside [0, 1]")
            }
            scores[file.key] = table.values
        }
        return scores
    }
}
