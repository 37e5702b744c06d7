import Foundation

/// Timestamps as the query protocol writes them: ISO 8601 in UTC.
enum QueryTimestamp {
    /// `date` as `YYYY-MM-DDTHH:MM:SSZ`, or with milliseconds when it has a fraction of a second.
    static func format(_ date: Date) -> String {
        let whole = date.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970
        return date.formatted(whole ? Date.ISO8601FormatStyle() : Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The date of `text`, with or without fractional seconds.
    ///
    /// Throws ``AWSError/Code/invalidResponse`` when `text` is not an ISO 8601 timestamp.
    static func parse(_ text: String) throws(AWSError) -> Date {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        throw AWSError(.invalidResponse, "\(text.prefix(40)) is not an ISO 8601 timestamp")
    }
}
