import Foundation
import TocsinCore

/// One point as clients send it to `POST /v1/points` (read by ``PointBodyParser``).
struct PointPayload {
    var series: String
    var labels: [String: String]?
    var timestamp: TimestampValue
    var value: Double
}

/// One log record as clients send it to `POST /v1/logs`.
struct LogPayload: Decodable {
    var timestamp: TimestampValue
    var service: String
    var instance: String
    var level: LogRecord.Level?
    var message: String
    var fields: [String: String]?
}

/// The JSON body of `POST /v1/logs`.
struct LogBatch: Decodable {
    var logs: [LogPayload]
}

/// A timestamp given as an ISO-8601 string (UTC, `Z`) or as epoch seconds.
struct TimestampValue: Decodable {
    let date: Date

    init(date: Date) {
        self.date = date
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            guard seconds.isFinite else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "timestamp is not a finite number")
            }
            date = Date(timeIntervalSince1970: seconds)
        } else if let text = try? container.decode(String.self) {
            guard let seconds = UTCTimestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text)\" is not an ISO-8601 UTC timestamp or epoch seconds")
            }
            date = Date(timeIntervalSince1970: seconds)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "timestamp must be an ISO-8601 string or epoch seconds")
        }
    }
}
