import Foundation
import TocsinCore

/// The timestamp forms AWS uses: SigV4's basic form and the instance metadata's ISO 8601.
enum AMZDate {
    /// `date` as `YYYYMMDDTHHMMSSZ` in UTC, truncated to the second.
    static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilCalendar.date(days: days)
        return pad(year, 4) + pad(month, 2) + pad(day, 2) + "T"
            + pad(secondOfDay / 3600, 2) + pad(secondOfDay / 60 % 60, 2) + pad(secondOfDay % 60, 2) + "Z"
    }

    /// The date of an ISO 8601 UTC timestamp such as `2024-05-01T12:00:00Z`, or `nil`.
    static func parseISO8601(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
