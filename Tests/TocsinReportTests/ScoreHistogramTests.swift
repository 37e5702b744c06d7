import Testing
@testable import TocsinReport

@Suite struct ScoreHistogramTests {
    @Test func histogramBinsScoresOnZeroToOne() {
        let histogram = ScoreHistogram(scores: [0, 0.01, 0.5, 0.999, 1, .nan, 1.5, -2], binCount: 10)
        #expect(histogram.counts == [3, 0, 0, 0, 0, 1, 0, 0, 0, 3])
        #expect(histogram.total == 7)
        #expect(histogram.largestCount == 3)
    }

    @Test func tailHistogramsSeparateScoresCloseToOne() {
        let histogram = ScoreHistogram(scores: [0, 0.9, 0.99, 0.999_999, 1 - 1e-12, 1], binning: .tail, binCount: 16)
        // One bin per decade of 1 − score. In floating point 1 − 0.99 is a hair above 0.01, so
        // 0.99 joins 0.9 in bin 1; 1 − (1 − 1e-12) is a hair below 1e-12, so that score lands in bin 12.
        #expect(histogram.counts.indices.filter { histogram.counts[$0] > 0 } == [0, 1, 5, 12, 15])
        #expect(histogram.counts[1] == 2)
        #expect(histogram.lowestScore(ofBin: 2) == 0.99)
        #expect(ScoreHistogram.Binning.tail.position(of: 1.5) == 1)
        #expect(ScoreHistogram.Binning.tail.ticks.map(\.label) == [
            "0", "0.99", "1-1e-4", "1-1e-6", "1-1e-8", "1-1e-10", "1-1e-12", "1-1e-14", "1",
        ])
    }
}
