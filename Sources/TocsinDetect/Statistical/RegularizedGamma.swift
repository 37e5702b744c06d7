import Foundation

/// The regularized incomplete gamma functions P(a, x) = γ(a, x) / Γ(a) and
/// Q(a, x) = 1 − P(a, x), the distribution functions of the gamma and chi-square laws.
///
/// P is summed as its power series where that converges fast (x < a + 1), Q as its
/// continued fraction (evaluated with the modified Lentz method) elsewhere; the other is
/// the complement. Both are accurate to about 1e-14 relative.
public enum RegularizedGamma {
    /// P(a, x) for a > 0 and x ≥ 0: the lower regularized incomplete gamma function.
    public static func lower(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "RegularizedGamma needs a > 0 and x ≥ 0")
        if x == 0 { return 0 }
        return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x)
    }

    /// Q(a, x) for a > 0 and x ≥ 0: the upper regularized incomplete gamma function.
    public static func upper(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "RegularizedGamma needs a > 0 and x ≥ 0")
        if x == 0 { return 1 }
        return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x)
    }

    /// x^a e^{-x} / Γ(a), the factor both expansions share.
    private static func prefactor(_ a: Double, _ x: Double) -> Double {
        exp(a * log(x) - x - lgamma(a))
    }

    /// P(a, x) = x^a e^{-x} / Γ(a) · Σₙ xⁿ / (a (a+1) ⋯ (a+n)).
    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var denominator = a
        for _ in 0..<1_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return min(1, sum * prefactor(a, x))
    }

    /// Q(a, x) = x^a e^{-x} / Γ(a) · 1 / (x + 1 − a − 1·(1 − a) / (x + 3 − a − 2·(2 − a) / (x + 5 − a − ⋯))).
    private static func upperFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for step in 1...1_000 {
            let n = Double(step)
            let numerator = -n * (n - a)
            b += 2
            d = numerator * d + b
            if abs(d) < tiny { d = tiny }
            c = b + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let change = d * c
            fraction *= change
            if abs(change - 1) < 1e-16 { break }
        }
        return min(1, fraction * prefactor(a, x))
    }
}
