import Foundation
import Testing
@testable import TocsinResponse

@Suite("Binomial tail")
struct BinomialTailTests {
    /// P(X = i) by the product formula, for small n.
    static func probability(_ i: Int, _ n: Int, _ p: Double) -> Double {
        var coefficient = 1.0
        for j in 0..<i {
            coefficient *= Double(n - j) / Double(j + 1)
        }
        return coefficient * pow(p, Double(i)) * pow(1 - p, Double(n - i))
    }

    @Test("both tails equal direct sums", arguments: [0.05, 0.3, 0.7])
    func directSums(p: Double) {
        for n in 1...40 {
            for k in 0...n {
                let upper = (k...n).reduce(0) { $0 + Self.probability($1, n, p) }
                let lower = (0...k).reduce(0) { $0 + Self.probability($1, n, p) }
                #expect(abs(exp(BinomialTail.logUpper(k, trials: n, probability: p)) - upper) <= 1e-10 * upper + 1e-15)
                #expect(abs(exp(BinomialTail.logLower(k, trials: n, probability: p)) - lower) <= 1e-10 * lower + 1e-15)
            }
        }
    }

    @Test("extreme tails keep their magnitude in log space")
    func extremes() {
        #expect(abs(BinomialTail.logUpper(1_000, trials: 1_000, probability: 0.2) - 1_000 * log(0.2)) < 1e-9)
        #expect(abs(BinomialTail.logLower(0, trials: 5_000, probability: 0.1) - 5_000 * log(0.9)) < 1e-8)
        #expect(BinomialTail.logUpper(0, trials: 10, probability: 0.5) == 0)
        #expect(BinomialTail.logLower(10, trials: 10, probability: 0.5) == 0)
    }

    @Test("the rate-change test is unsurprised by steady rates and surprised by new and stopped templates")
    func rateChange() {
        let steady = RateChangeTest(baselineCount: 60, windowCount: 10, baselineDuration: 3_600, windowDuration: 600,
                                    tolerance: 1.5, pseudoCount: 0.5)
        #expect(steady.surprise < 0.5)
        #expect(abs(steady.rateRatio - 1) < 0.01)
        let new = RateChangeTest(baselineCount: 0, windowCount: 50, baselineDuration: 3_600, windowDuration: 600,
                                 tolerance: 1.5, pseudoCount: 0.5)
        #expect(new.change == .new)
        // p = (1.5·600 / (1.5·600 + 3600))^50 = 0.2^50
        #expect(abs(new.surprise - 50 * -log10(0.2)) < 1e-9)
        let stopped = RateChangeTest(baselineCount: 120, windowCount: 0, baselineDuration: 3_600, windowDuration: 600,
                                     tolerance: 1.5, pseudoCount: 0.5)
        #expect(stopped.change == .drop)
        #expect(stopped.rateRatio < 0.01)
        // p = (1 - 600 / (600 + 1.5·3600))^120 = 0.9^120
        #expect(abs(stopped.surprise - 120 * -log10(0.9)) < 1e-9)
    }
}
