import Foundation

/// Timestamps are stored by both backends as INTEGER/BIGINT milliseconds since
/// 1970-01-01 00:00:00 UTC, rounded to the nearest millisecond. Integers make the
/// `(series, ts)` primary key exact (no floating-point near-duplicates) and compare
/// cheaply; precision below a millisecond is not kept.
enum EpochMilliseconds {
    /// The stored form of `date`, clamped to the range of `Int64`.
    static func from(_ date: Date) -> Int64 {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        if milliseconds.isNaN { return 0 }
        if milliseconds >= 9.2e18 { return .max }
        if milliseconds <= -9.2e18 { return .min }
        return Int64(milliseconds)
    }

    /// The date of a stored timestamp.
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
