import Foundation
import Testing
import TocsinDetect
@testable import TocsinEval

@Suite("NAB runs")
struct NABRunTests {
    static var corpusRoot: String {
        ProcessInfo.processInfo.environment["TOCSIN_NAB_CORPUS"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/nab").path
    }

    @Test("windowed-gaussian reproduces NAB's published windowedGaussian scores after probation")
    func windowedGaussianMatchesNAB() throws {
        let corpus = try NABCorpus.load(root: Self.corpusRoot)
        let official = try NABResultsReader.read(detector: "windowedGaussian", from: Self.corpusRoot + "/results", corpus: corpus)
        let ours = try NABRun.scores(corpus: corpus) { () throws(DetectorError) -> any Detector in try WindowedGaussian() }
        var worst = 0.0
        for file in corpus.files {
            let theirs = try #require(official[file.key])
            let mine = try #require(ours[file.key])
            for row in file.probationLength..<file.rowCount {
                worst = max(worst, abs(theirs[row] - mine[row]))
            }
        }
        // The published files print 12 significant digits.
        #expect(worst < 1e-9, "largest difference \(worst)")
    }
}
