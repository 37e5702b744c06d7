import TocsinCore

/// Derives independent random streams from one seed, so that any tick can be
/// generated on its own: the stream for (seed, purpose, instance, tick) is the same
/// however many other ticks were generated before it.
enum StreamSeed {
    /// What a stream is used for; distinct purposes never share random numbers.
    enum Purpose: UInt64 {
        case schedule = 1, profile, metrics, logs, trafficWander, memoryWander
    }

    /// A generator for the stream identified by `purpose` and `parts`.
    static func generator(_ seed: UInt64, _ purpose: Purpose, _ parts: Int...) -> SeededGenerator {
        SeededGenerator(seed: state(seed, purpose, parts))
    }

    /// A uniform number in [0, 1) for the stream identified by `purpose` and `parts`.
    static func unit(_ seed: UInt64, _ purpose: Purpose, _ parts: Int...) -> Double {
        Double(state(seed, purpose, parts) >> 11) * 0x1.0p-53
    }

    /// A stable 64-bit hash of a string (FNV-1a), unlike `Hasher`, which changes per process.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func state(_ seed: UInt64, _ purpose: Purpose, _ parts: [Int]) -> UInt64 {
        var state = mix(seed ^ mix(purpose.rawValue))
        for part in parts {
            state = mix(state ^ mix(UInt64(bitPattern: Int64(part)) &+ 0x9E37_79B9_7F4A_7C15))
        }
        return state
    }

    /// The SplitMix64 finalizer: a bijective scramble of 64 bits.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
