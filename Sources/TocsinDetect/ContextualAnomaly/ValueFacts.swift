/// Turns a value into facts: its position in a range, quantized to a few bits, one fact
/// per bit saying which bit it is and whether it is set.
///
/// With 3 bits the range is cut into 7 equal steps and a value gets the number of whole
/// steps it lies above the minimum (0...7, the maximum itself being 7), as in the
/// reference. Bit `i` set or clear is the fact `base + 2·i + 1` or `base + 2·i`; all
/// value facts are far below ``ContextSequence/activeContextFactBase``.
struct ValueFacts: Sendable, Codable, Hashable {
    /// Bits per value.
    let bits: Int
    /// The first value fact.
    let base: Int
    /// The range values are placed in; it widens to take in values that leave it.
    private(set) var minimum: Double
    private(set) var maximum: Double

    /// Facts numbered from `base` for values expected in `minimum...maximum`.
    init(bits: Int, base: Int, minimum: Double, maximum: Double) {
        self.bits = bits
        self.base = base
        self.minimum = minimum
        self.maximum = maximum
    }

    private enum CodingKeys: String, CodingKey {
        case bits, base, minimum, maximum
    }

    /// Decodes saved facts, refusing bit counts and fact numbers outside what values can use
    /// (below ``ContextSequence/activeContextFactBase``) and a range that is not finite and ordered.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        bits = try container.decode(Int.self, forKey: .bits)
        base = try container.decode(Int.self, forKey: .base)
        minimum = try container.decode(Double.self, forKey: .minimum)
        maximum = try container.decode(Double.self, forKey: .maximum)
        guard (1...30).contains(bits), (0...(1 << 30)).contains(base), minimum.isFinite, maximum.isFinite, minimum <= maximum else {
            throw DecodingError.dataCorruptedError(forKey: .bits, in: container,
                                                   debugDescription: "value facts of \(bits) bits from \(base) over \(minimum)...\(maximum)")
        }
    }

    /// Facts for values expected in the range of `values` (finite, not empty), widened on
    /// each side by `margin` times its width.
    init(bits: Int, base: Int, spanning values: [Double], margin: Double) {
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        let padding = margin * (high - low)
        self.init(bits: bits, base: base, minimum: low - padding, maximum: high + padding)
    }

    /// Widens the range to hold `value` (finite) if it lies outside, with room to spare on
    /// that side: `margin` times the widened range's width (less if that would overflow).
    mutating func widen(toInclude value: Double, margin: Double) {
        if value < minimum {
            let widened = value - margin * (maximum - value)
            minimum = widened.isFinite ? widened : value
        } else if value > maximum {
            let widened = value + margin * (value - minimum)
            maximum = widened.isFinite ? widened : value
        }
    }

    /// The facts of `value`, which must lie in the range, sorted.
    func facts(_ value: Double) -> [Int] {
        let topLevel = Double((1 << bits) - 1)
        let width = maximum - minimum
        let position = (value - minimum) / (width > 0 ? width / topLevel : 1)
        // In range this is 0...topLevel already; the clamp only guards ranges too wide for a Double.
        let level = position.isFinite ? Int(min(max(position, 0), topLevel)) : 0
        return (0..<bits).map { base + 2 * $0 + ((level >> $0) & 1) }
    }
}
