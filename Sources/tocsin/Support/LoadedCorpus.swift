import TocsinDetect
import TocsinEval

/// The NAB corpus a command works on, found as ``CorpusLocation`` says, with the CLI's
/// error mapping for loading it, reading its profiles and running a detector over it.
struct LoadedCorpus {
    /// The corpus folder.
    let path: String
    /// The corpus.
    let corpus: NABCorpus

    /// Loads the corpus named by a `--corpus` option (or its defaults).
    static func load(_ option: String?) throws(CLIFailure) -> LoadedCorpus {
        let path = try CorpusLocation.resolve(option)
        do { return LoadedCorpus(path: path, corpus: try NABCorpus.load(root: path)) } catch { throw .data(error.description) }
    }

    /// The corpus's cost profiles.
    func profiles() throws(CLIFailure) -> [NABProfile] {
        do { return try NABProfile.load(root: path) } catch { throw .data(error.description) }
    }

    /// Every file's scores from a fresh detector made by `recipe`.
    func scores(_ recipe: StreamingRecipe) throws(CLIFailure) -> [String: [Double]] {
        do {
            return try NABRun.scores(corpus: corpus) { () throws(DetectorError) -> any Detector in try recipe.make() }
        } catch { throw .usage(error.message) }
    }
}
