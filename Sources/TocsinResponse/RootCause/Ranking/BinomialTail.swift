import Foundation

/// Tail probabilities of the binomial distribution, in natural-log space so that the
/// tiny p-values of large rate changes (10⁻³⁰⁰ and below) keep their magnitude.
///
/// A tail beyond the mean is summed term by term from its first term, whose successive
/// ratios fall below 1 there, until the terms stop mattering; the tail that contains the
/// mean is one minus the opposite tail.
enum BinomialTail {
    /// ln P(X ≥ k) for X ~ Binomial(n, p) with 0 < p < 1.
    static func logUpper(_ k: Int, trials n: Int, probability p: Double) -> Double {
        if k <= 0 { return 0 }
        if k > n { return -.infinity }
        if Double(k) > Double(n) * p {
            return logTailSum(from: k, trials: n, probability: p, upward: true)
        }
        return log1p(-exp(logLower(k - 1, trials: n, probability: p)))
    }

    /// ln P(X ≤ k) for X ~ Binomial(n, p) with 0 < p < 1.
    static func logLower(_ k: Int, trials n: Int, probability p: Double) -> Double {
        if k < 0 { return -.infinity }
        if k >= n { return 0 }
        if Double(k) < Double(n) * p {
            return logTailSum(from: k, trials: n, probability: p, upward: false)
        }
        return log1p(-exp(logUpper(k + 1, trials: n, probability: p)))
    }

    /// ln P(X = k).
    static func logProbability(_ k: Int, trials n: Int, probability p: Double) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
            + Double(k) * log(p) + Double(n - k) * log1p(-p)
    }

    /// ln of the sum of P(X = i) for i from k towards n (`upward`) or towards 0, where the
    /// terms decrease from the first one on.
    private static func logTailSum(from k: Int, trials n: Int, probability p: Double, upward: Bool) -> Double {
        let odds = p / (1 - p)
        var total = 1.0
        var term = 1.0
        var index = k
        while upward ? index < n : index > 0 {
            if upward {
                term *= Double(n - index) / Double(index + 1) * odds
                index += 1
            } else {
                term *= Double(index) / Double(n - index + 1) / odds
                index -= 1
            }
            total += term
            if term < total * 1e-17 { break }
        }
        return logProbability(k, trials: n, probability: p) + log(total)
    }
}
