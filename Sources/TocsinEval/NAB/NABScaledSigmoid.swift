import Foundation

/// NAB's scaled sigmoid `σ(y) = 2/(1 + e^{5y}) − 1`, computed exactly as the official
/// scorer computes it (`2·sigmoid(−5y) − 1` with `sigmoid(x) = 1/(1 + e^{−x})`), so that
/// row weights agree bit for bit.
enum NABScaledSigmoid {
    /// σ(y), or −1 when `y > 3` (a false positive far behind the last window).
    static func value(_ y: Double) -> Double {
        if y > 3.0 {
            return -1.0
        }
        let x = -5 * y
        return 2 * (1 / (1 + exp(-x))) - 1.0
    }

    /// σ(−1) ≈ 0.98661: the weight of the first row of a window before scaling, used to
    /// scale in-window weights so that the first row is worth exactly A_TP.
    static let maximumTruePositive = value(-1.0)
}
