import Testing
import TocsinDetect

@Suite("Thresholders")
struct ThresholderTests {
    @Test("fixed threshold decides at or above its value")
    func fixed() {
        var fixed = FixedThreshold(0.7)
        let high = fixed.decide(0.7)
        let low = fixed.decide(0.69)
        #expect(high)
        #expect(!low)
    }

    @Test("quantile threshold interpolates like NumPy")
    func quantile() throws {
        let threshold = try QuantileThreshold(calibrationScores: [4, 1, 3, 2, 5], quantile: 0.9)
        #expect(abs(threshold.threshold - 4.6) < 1e-12)
        #expect(throws: DetectorError.self) { try QuantileThreshold(calibrationScores: [], quantile: 0.5) }
        #expect(throws: DetectorError.self) { try QuantileThreshold(calibrationScores: [1], quantile: 1.5) }
    }

    @Test("mean + k sigma follows the scores after its warm-up")
    func meanSigma() throws {
        var threshold = try MeanSigmaThreshold(k: 2, warmUp: 4)
        let early = threshold.decide(100)
        #expect(!early)
        for score in [1.0, 2, 3] { threshold.observe(score) }
        // scores 100, 1, 2, 3: mean 26.5, sample sd 49.0068...
        #expect(abs(threshold.threshold - (26.5 + 2 * 49.00680224894062)) < 1e-9)
        #expect(throws: DetectorError.self) { try MeanSigmaThreshold(k: -1) }
    }
}
