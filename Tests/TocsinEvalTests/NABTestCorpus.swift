import Foundation
import Testing
import TocsinEval

/// Finds and loads the real NAB corpus once for all tests.
///
/// The corpus is looked for in `$TOCSIN_NAB_CORPUS`, else in `../shared/nab` next to the package
/// root. It is always present in development and CI, so its absence fails the test.
enum NABTestCorpus {
    /// Where the corpus should be.
    static let root: String = {
        if let path = ProcessInfo.processInfo.environment["TOCSIN_NAB_CORPUS"], !path.isEmpty {
            return path
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent("../shared/nab").standardizedFileURL.path
    }()

    private static let loaded: Result<NABCorpus, NABError> = Result { () throws(NABError) -> NABCorpus in
        try NABCorpus.load(root: root)
    }

    /// The corpus; records a failing issue that says where it was looked for when it cannot be loaded.
    static func corpus(sourceLocation: SourceLocation = #_sourceLocation) throws -> NABCorpus {
        switch loaded {
        case .success(let corpus):
            return corpus
        case .failure(let error):
            let message = "the NAB corpus is required but could not be loaded from \(root) "
                + "(set TOCSIN_NAB_CORPUS to its location): \(error)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            throw error
        }
    }
}
