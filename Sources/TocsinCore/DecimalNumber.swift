/// Parses a decimal number from raw UTF-8 bytes, correctly rounded.
///
/// Plain decimals of up to 15 significant digits with a small exponent (all the
/// numbers in ordinary data files) take an exact fast path: the digits form an
/// integer below 2^53 and the power of ten is itself exact, so one IEEE
/// multiplication or division rounds correctly. Everything else (long mantissas,
/// large exponents, `nan`, `inf`, hexadecimal) falls back to the standard
/// library's correctly rounded `Double(String)`.
public enum DecimalNumber {
    /// The value of `text`, or `nil` when it is not a number. May return NaN or infinity.
    public static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        fastParse(text) ?? Double(String(decoding: text, as: UTF8.self))
    }

    /// Exact powers of ten representable as `Double`.
    static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { power, _ in power * 10 }
    }

    private static let zero = UInt8(ascii: "0")
    private static let nine = UInt8(ascii: "9")

    private static func fastParse(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let end = text.count
        var negative = false
        if index < end, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var anyDigit = false
        var decimalExponent = 0
        while index < end, text[index] >= zero, text[index] <= nine {
            anyDigit = true
            if mantissa != 0 || text[index] != zero { significantDigits += 1 }
            mantissa = mantissa &* 10 &+ UInt64(text[index] - zero)
            index += 1
        }
        if index < end, text[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, text[index] >= zero, text[index] <= nine {
                anyDigit = true
                if mantissa != 0 || text[index] != zero { significantDigits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(text[index] - zero)
                decimalExponent -= 1
                index += 1
            }
        }
        guard anyDigit, significantDigits <= 15 else { return nil }
        if index < end, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < end, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                exponentNegative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while index < end, text[index] >= zero, text[index] <= nine, exponentDigits < 4 {
                exponent = exponent * 10 + Int(text[index] - zero)
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard index == end else { return nil }
        let magnitude: Double
        if mantissa == 0 {
            magnitude = 0
        } else if decimalExponent >= 0 && decimalExponent <= 22 {
            magnitude = Double(mantissa) * powersOfTen[decimalExponent]
        } else if decimalExponent < 0 && decimalExponent >= -22 {
            magnitude = Double(mantissa) / powersOfTen[-decimalExponent]
        } else {
            return nil
        }
        return negative ? -magnitude : magnitude
    }
}
