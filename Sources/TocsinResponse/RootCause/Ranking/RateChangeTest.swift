import Foundation

/// The exact conditional test for a change between two Poisson rates, applied to one
/// template's counts in the baseline and anomaly windows.
///
/// Given the `n` occurrences in both windows, the anomaly window's count is binomial with
/// the share `p₀ = τ·T_w / (τ·T_w + T_b)` of the occurrences if the rate rose by exactly the
/// tolerated factor `τ` (durations `T_w`, `T_b`), so a surge is as surprising as the upper
/// binomial tail at the observed count; a drop is tested the same way against a fall by `τ`.
/// The test needs no smoothing and accounts for the uncertainty of both counts; `τ > 1`
/// keeps the ordinary variation of busy templates from being significant.
struct RateChangeTest: Sendable, Hashable {
    /// The direction of the change.
    let change: TemplateChange
    /// The window's rate over the baseline's, both with the same prior rate added
    /// (``TemplateRankingConfiguration/pseudoCount`` occurrences over both windows).
    let rateRatio: Double
    /// `-log10` of the one-sided p-value, before any correction for multiple templates.
    let surprise: Double

    /// Tests the counts of one template.
    init(baselineCount: Int, windowCount: Int, baselineDuration: Double, windowDuration: Double,
         tolerance: Double, pseudoCount: Double) {
        let priorRate = pseudoCount / (baselineDuration + windowDuration)
        rateRatio = (Double(windowCount) / windowDuration + priorRate)
            / (Double(baselineCount) / baselineDuration + priorRate)
        let total = baselineCount + windowCount
        let logPValue: Double
        if baselineCount == 0 || rateRatio >= 1 {
            change = baselineCount == 0 ? .new : .surge
            let share = tolerance * windowDuration / (tolerance * windowDuration + baselineDuration)
            logPValue = BinomialTail.logUpper(windowCount, trials: total, probability: share)
        } else {
            change = .drop
            let share = windowDuration / (windowDuration + tolerance * baselineDuration)
            logPValue = BinomialTail.logLower(windowCount, trials: total, probability: share)
        }
        surprise = logPValue < 0 ? -logPValue / log(10) : 0
    }
}
