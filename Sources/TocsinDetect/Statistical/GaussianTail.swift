import Foundation

/// Tail probabilities of the normal distribution.
public enum GaussianTail {
    /// P(X > x) for X ~ N(mean, std²): the Q-function, `erfc(z/√2)/2`.
    @inlinable
    public static func upper(_ x: Double, mean: Double, standardDeviation: Double) -> Double {
        0.5 * erfc((x - mean) / standardDeviation / 2.0.squareRoot())
    }

    /// P(|X - mean| > |x - mean|): the two-sided tail, `erfc(|z|/√2)`.
    @inlinable
    public static func twoSided(_ x: Double, mean: Double, standardDeviation: Double) -> Double {
        erfc(abs(x - mean) / standardDeviation / 2.0.squareRoot())
    }
}
