/// Which departures from an expected value count as anomalous.
public enum DeviationSide: String, Sendable, Codable, Hashable {
    /// Only values above the expectation (latency, errors).
    case up
    /// Only values below it (throughput, successful requests).
    case down
    /// Both.
    case both

    /// The deviation as it counts on this side: positive when it points the watched way.
    public func signed(_ deviation: Double) -> Double {
        switch self {
        case .up: deviation
        case .down: -deviation
        case .both: abs(deviation)
        }
    }
}

/// Maps a deviation measured in spreads to a score in [0, 1).
public enum DeviationScore {
    /// `z / (z + zThreshold)` with `z = side.signed(deviation) / spread`, and 0 when `z` is
    /// not positive: exactly 0.5 at `zThreshold` spreads, towards 1 far beyond.
    /// `spread` must be positive.
    public static func score(deviation: Double, spread: Double, side: DeviationSide, zThreshold: Double) -> Double {
        let z = side.signed(deviation) / spread
        guard z > 0 else { return 0 }
        return z.isFinite ? z / (z + zThreshold) : 1
    }
}
