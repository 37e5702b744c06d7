import Foundation

/// Tail probabilities of the standard normal distribution.
public enum GaussianTail {
    /// P(Z > z) for a standard normal Z: the Q-function, `erfc(z/√2)/2`.
    @inlinable
    public static func upper(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }
}
