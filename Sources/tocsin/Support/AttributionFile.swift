import Foundation

/// Writes per-row column attributions as CSV: a `score` column, then one column per
/// feature holding its share of the row's anomaly (the shares add up to 1).
enum AttributionFile {
    static func write(scores: [Double], shares: [[Double]], columns: [String], to path: String) throws(CLIFailure) {
        var text = (["score"] + columns.map(quoted)).joined(separator: ",") + "\n"
        for (score, row) in zip(scores, shares) {
            text += ([score] + row).map { String(format: "%.6g", $0) }.joined(separator: ",") + "\n"
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .data("\(path): cannot write the attribution: \(error.localizedDescription)")
        }
    }

    private static func quoted(_ name: String) -> String {
        name.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name
    }
}
