import Foundation

/// A two-file NAB corpus (nyc_taxi and rogue_agent_key_hold with NAB's tiny windows
/// file), copied from the real corpus into a temporary folder.
enum TinyCorpus {
    /// Creates the corpus under `folder` and returns its root.
    static func make(in folder: TemporaryFolder) throws -> URL {
        let source = URL(fileURLWithPath: CLIProcess.corpus)
        let corpus = folder.url.appendingPathComponent("corpus")
        for key in ["realKnownCause/nyc_taxi.csv", "realKnownCause/rogue_agent_key_hold.csv"] {
            let target = corpus.appendingPathComponent("data/\(key)")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent("data/\(key)"), to: target)
        }
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent("labels"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.appendingPathComponent("labels/combined_windows_tiny.json"),
                                         to: corpus.appendingPathComponent("labels/combined_windows.json"))
        return corpus
    }
}
