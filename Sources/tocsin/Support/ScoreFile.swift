import Foundation

/// Writes scores one per line, each printed so that it reads back exactly.
enum ScoreFile {
    static func write(_ scores: [Double], to path: String) throws(CLIFailure) {
        var text = ""
        text.reserveCapacity(scores.count * 20)
        for score in scores {
            text += score.description
            text += "\n"
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .data("\(path): cannot write the scores: \(error.localizedDescription)")
        }
    }
}
