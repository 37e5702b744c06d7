import Foundation
import TocsinCore

extension SeededGenerator {
    /// A Poisson-distributed count with the given mean: exact (Knuth) for small means,
    /// the rounded normal approximation above 30.
    mutating func nextPoisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 {
            return max(0, Int(nextGaussian(mean: mean, standardDeviation: mean.squareRoot()).rounded()))
        }
        let limit = exp(-mean)
        var product = nextUnit()
        var count = 0
        while product > limit {
            count += 1
            product *= nextUnit()
        }
        return count
    }

    /// A uniform integer in `range`.
    mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(nextUnit() * Double(range.count))
    }

    /// A uniform `Double` in `range`.
    mutating func nextDouble(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + nextUnit() * (range.upperBound - range.lowerBound)
    }

    /// One element of a non-empty array, uniformly.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[nextInt(in: 0...(elements.count - 1))]
    }
}
