/// How the report prints numbers, so that every page and the summary image agree.
///
/// Normalized NAB scores have two decimals (published scoreboard figures keep the one decimal
/// they were published with), raw NAB scores two, precision, recall and F1 three, counts are
/// whole numbers with thousands separators, thresholds are printed exactly, and run times
/// have one decimal. Missing or undefined values print as `n/a`.
enum NumberText {
    /// What an undefined value prints as.
    static let undefined = "n/a"

    /// `value` rounded half away from zero to `decimals` places, for example
    /// `fixed(-3.14159, 2)` is `-3.14`; NaN is ``undefined``, infinities `inf` and `-inf`.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? undefined : (value > 0 ? "inf" : "-inf") }
        var factor = 1
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (value.magnitude * Double(factor)).rounded()
        guard scaled < 9e15 else { return value.description }
        let units = Int(scaled)
        var text = units == 0 || value > 0 ? "" : "-"
        text += String(units / factor)
        if decimals > 0 {
            let fraction = String(units % factor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// A whole number with a comma every three digits, for example `365,558`.
    static func count(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }

    /// A normalized NAB score of this run: two decimals.
    static func normalizedScore(_ value: Double) -> String { fixed(value, 2) }

    /// A figure of the published scoreboard: one decimal, as published.
    static func publishedScore(_ value: Double) -> String { fixed(value, 1) }

    /// A raw NAB score S: two decimals.
    static func rawScore(_ value: Double) -> String { fixed(value, 2) }

    /// Precision, recall or F1: three decimals, or ``undefined`` when the ratio has no denominator.
    static func ratio(_ value: Double?) -> String { value.map { fixed($0, 3) } ?? undefined }

    /// A threshold, exactly (the shortest text that reads back as the same number).
    static func threshold(_ value: Double) -> String { value.description }

    /// A duration in seconds: one decimal and the unit.
    static func seconds(_ value: Double) -> String { fixed(value, 1) + " s" }

    /// An axis label: at least three significant digits (a whole number keeps all its
    /// digits) without trailing zeros, in exponent form (`1.5e7`) below 0.001 and from a
    /// million on.
    static func axis(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return fixed(value, 0) }
        var magnitude = 0
        var mantissa = value.magnitude
        while mantissa >= 10 { mantissa /= 10; magnitude += 1 }
        while mantissa < 1 { mantissa *= 10; magnitude -= 1 }
        if magnitude >= 6 || magnitude < -3 {
            return (value < 0 ? "-" : "") + trimmed(fixed(mantissa, 2)) + "e" + String(magnitude)
        }
        return trimmed(fixed(value, max(0, 2 - magnitude)))
    }

    /// `text` without trailing zeros after a decimal point, nor a bare trailing point.
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return String(result)
    }
}
