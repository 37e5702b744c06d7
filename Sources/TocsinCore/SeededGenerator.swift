import Foundation

/// A small, fast, deterministic random number generator (SplitMix64).
///
/// Every algorithm in Tocsin takes its randomness from a generator created from an
/// explicit seed, so the same seed always gives the same model and the same scores.
/// The state is a single `UInt64`, so a generator can be saved in a model artifact.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
    /// The generator's internal state.
    public private(set) var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly distributed `Double` in [0, 1).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A normally distributed `Double` (Box-Muller).
    public mutating func nextGaussian(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        var u = nextUnit()
        while u <= .leastNonzeroMagnitude { u = nextUnit() }
        let v = nextUnit()
        return mean + standardDeviation * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
