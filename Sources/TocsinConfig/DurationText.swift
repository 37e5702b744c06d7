import Foundation

/// Durations written as a number with a unit: `500ms`, `30s`, `5m`, `2h`, `30d`, or a
/// bare number of seconds.
enum DurationText {
    /// Seconds, or nil when the text is not a duration.
    static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400), ("w", 604_800)]
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            guard let number = Double(trimmed.dropLast(unit.suffix.count)), number.isFinite, number >= 0 else { continue }
            return number * unit.seconds
        }
        guard let number = Double(trimmed), number.isFinite, number >= 0 else { return nil }
        return number
    }
}
