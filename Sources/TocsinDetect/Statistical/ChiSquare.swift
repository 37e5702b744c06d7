/// The chi-square distribution with `degreesOfFreedom` degrees of freedom.
public enum ChiSquare {
    /// P(X > x): the probability that a chi-square variable exceeds `x`.
    public static func survival(_ x: Double, degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom >= 1, "ChiSquare needs at least one degree of freedom")
        return x <= 0 ? 1 : RegularizedGamma.upper(Double(degreesOfFreedom) / 2, x / 2)
    }

    /// The value exceeded with probability `tail` (SciPy's `chi2.isf`): the critical value
    /// of a test at significance `tail`, e.g. 13.2767 for `tail` 0.01 and 4 degrees of
    /// freedom. `tail` must lie in (0, 1).
    ///
    /// Found by bisection on ``survival(_:degreesOfFreedom:)``, which decreases strictly,
    /// to full double precision.
    public static func upperQuantile(_ tail: Double, degreesOfFreedom: Int) -> Double {
        precondition(tail > 0 && tail < 1, "ChiSquare.upperQuantile needs a tail probability in (0, 1)")
        var low = 0.0
        var high = Double(degreesOfFreedom) + 10
        while survival(high, degreesOfFreedom: degreesOfFreedom) > tail { high *= 2 }
        while true {
            let middle = (low + high) / 2
            guard middle > low, middle < high else { return middle }
            if survival(middle, degreesOfFreedom: degreesOfFreedom) > tail { low = middle } else { high = middle }
        }
    }
}
