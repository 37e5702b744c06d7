/// UTC timestamps as epoch seconds, parsed and formatted by hand.
///
/// Accepted forms (always UTC):
/// - `YYYY-MM-DD HH:MM:SS`, optionally with fractional seconds (`.ffffff`, up to 9 digits),
/// - the ISO-8601 form `YYYY-MM-DDTHH:MM:SS` with the same optional fraction,
/// - either of them followed by `Z`,
/// - plain epoch seconds such as `1404172800` or `1404172800.5`.
///
/// Dates run from year 0000 to 9999. Leap seconds (`:60`) are not accepted.
public enum UTCTimestamp {
    /// The epoch seconds of `text`, or `nil` when it is not a valid timestamp.
    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { try? parse($0) }
    }

    /// `seconds` as `YYYY-MM-DD HH:MM:SS`, with a 6-digit fraction only when it is not whole.
    ///
    /// Values outside the years 0000 to 9999 (and non-finite values) are printed as plain
    /// numbers instead.
    public static func format(_ seconds: Double) -> String {
        var bytes: [UInt8] = []
        append(seconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `seconds` as ISO-8601 in UTC, `YYYY-MM-DDTHH:MM:SSZ` (with a fraction when not whole).
    public static func iso8601(_ seconds: Double) -> String {
        let text = format(seconds)
        guard text.count >= 19, text.dropFirst(10).first == " " else { return text }
        return text.prefix(10) + "T" + text.dropFirst(11) + "Z"
    }

    /// Appends the UTF-8 text of ``format(_:)`` to `bytes`.
    public static func append(_ seconds: Double, to bytes: inout [UInt8]) {
        guard seconds >= earliest, seconds < latest else {
            bytes.append(contentsOf: "\(seconds)".utf8)
            return
        }
        var whole = Int(seconds.rounded(.down))
        var micros = Int(((seconds - Double(whole)) * 1_000_000).rounded())
        if micros == 1_000_000 {
            whole += 1
            micros = 0
        }
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = whole - days * 86_400
        let date = CivilCalendar.date(days: days)
        appendDigits(date.year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        appendDigits(secondOfDay / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, width: 2, to: &bytes)
        if micros != 0 {
            bytes.append(UInt8(ascii: "."))
            appendDigits(micros, width: 6, to: &bytes)
        }
    }

    /// 0000-01-01 00:00:00 in epoch seconds.
    static let earliest = Double(CivilCalendar.days(year: 0, month: 1, day: 1) * 86_400)
    /// 10000-01-01 00:00:00 in epoch seconds (exclusive upper bound).
    static let latest = Double(CivilCalendar.days(year: 10_000, month: 1, day: 1) * 86_400)

    /// Why a cell is not a valid timestamp.
    public struct Problem: Error, Sendable {
        /// One line on what is wrong.
        public let reason: String
    }

    /// Parses the raw bytes of one cell.
    public static func parse(_ text: UnsafeBufferPointer<UInt8>) throws(Problem) -> Double {
        if text.count >= 10, text[4] == UInt8(ascii: "-") {
            return try parseCalendar(text)
        }
        guard let seconds = DecimalNumber.parse(text), seconds.isFinite else {
            throw Problem(reason: "expected YYYY-MM-DD HH:MM:SS, YYYY-MM-DDTHH:MM:SSZ or epoch seconds")
        }
        guard seconds >= earliest, seconds < latest else {
            throw Problem(reason: "epoch seconds outside the years 0000 to 9999")
        }
        return seconds
    }

    private static func parseCalendar(_ text: UnsafeBufferPointer<UInt8>) throws(Problem) -> Double {
        let shape = Problem(reason: "expected YYYY-MM-DD HH:MM:SS, YYYY-MM-DDTHH:MM:SSZ or epoch seconds")
        guard text.count >= 19,
              text[7] == UInt8(ascii: "-"),
              text[10] == UInt8(ascii: " ") || text[10] == UInt8(ascii: "T"),
              text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":"),
              let year = digits(text, 0, 4), let month = digits(text, 5, 2), let day = digits(text, 8, 2),
              let hour = digits(text, 11, 2), let minute = digits(text, 14, 2),
              let second = digits(text, 17, 2)
        else { throw shape }
        var fraction = 0.0
        var index = 19
        if index < text.count, text[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < text.count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") {
                index += 1
            }
            guard index > start, index - start <= 9, let value = digits(text, start, index - start) else {
                throw Problem(reason: "fractional seconds need 1 to 9 digits")
            }
            fraction = Double(value) / DecimalNumber.powersOfTen[index - start]
        }
        if index < text.count, text[index] == UInt8(ascii: "Z") {
            index += 1
        }
        guard index == text.count else { throw shape }
        guard (1...12).contains(month) else { throw Problem(reason: "month \(month) does not exist") }
        guard day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month) else {
            throw Problem(reason: "day \(day) does not exist in month \(month) of \(year)")
        }
        guard hour < 24 else { throw Problem(reason: "hour \(hour) does not exist") }
        guard minute < 60 else { throw Problem(reason: "minute \(minute) does not exist") }
        guard second < 60 else { throw Problem(reason: "second \(second) does not exist") }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let whole = days * 86_400 + hour * 3600 + minute * 60 + second
        return Double(whole) + fraction
    }

    /// The decimal value of `count` ASCII digits starting at `start`, or `nil`.
    private static func digits(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let byte = text[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Appends the `width` lowest decimal digits of the non-negative `value`, zero-padded.
    private static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width {
            divisor *= 10
        }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
