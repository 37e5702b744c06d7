import Foundation

/// A value range cut into `count` intervals of equal width, numbered as NAB's
/// relative-entropy detector numbers them: a value's bin is `⌈(value − lower) / width⌉`
/// clamped into `0..<count`. So bin 0 holds the values at (or below) `lower`, bin `k` the
/// interval `(lower + (k−1)·width, lower + k·width]`, and the last bin the top two intervals
/// (and anything above `upper`).
public struct ValueBins: Sendable, Codable, Hashable {
    /// The bottom of the range.
    public private(set) var lower: Double
    /// The top of the range.
    public private(set) var upper: Double
    /// The number of bins.
    public let count: Int

    /// Bins over `lower...upper`; `count` must be at least 1 and `lower` at most `upper`.
    public init(lower: Double, upper: Double, count: Int) {
        precondition(count >= 1 && lower <= upper, "ValueBins needs a range and at least one bin")
        self.lower = lower
        self.upper = upper
        self.count = count
    }

    private enum CodingKeys: String, CodingKey {
        case lower, upper, count
    }

    /// Decodes saved bins, refusing fewer than one bin or a range that is not ordered.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lower = try container.decode(Double.self, forKey: .lower)
        upper = try container.decode(Double.self, forKey: .upper)
        count = try container.decode(Int.self, forKey: .count)
        guard count >= 1, lower <= upper else {
            throw DecodingError.dataCorruptedError(forKey: .count, in: container, debugDescription: "\(count) bins over \(lower)...\(upper)")
        }
    }

    /// Whether the range is a single value, so that no bin can tell values apart.
    public var isDegenerate: Bool { !(upper > lower) }

    /// The bin of `value`, clamped into `0..<count`.
    public func bin(of value: Double) -> Int {
        guard !isDegenerate else { return 0 }
        let width = (upper - lower) / Double(count)
        let position = ((value - lower) / width).rounded(.up)
        guard position > 0 else { return 0 }
        return position >= Double(count) ? count - 1 : Int(position)
    }

    /// How many of `values` fall in each bin.
    public func histogram(of values: some Sequence<Double>) -> [Int] {
        var counts = Array(repeating: 0, count: count)
        for value in values { counts[bin(of: value)] += 1 }
        return counts
    }

    /// Whether `value` lies in the range.
    public func contains(_ value: Double) -> Bool {
        value >= lower && value <= upper
    }

    /// The range widened to take in `value`, with `margin` times the new span added beyond
    /// it on its side so that a slowly growing series does not widen the range every time.
    public func widened(toInclude value: Double, margin: Double) -> ValueBins {
        guard !contains(value) else { return self }
        var result = self
        if value < lower {
            result.lower = value - margin * (upper - value)
        } else {
            result.upper = value + margin * (value - lower)
        }
        return result
    }
}
