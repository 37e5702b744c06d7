import Foundation
import TocsinCore

/// Newline-delimited JSON for synthetic events, one object per line with sorted keys
/// and ISO-8601 UTC times (`UTCTimestamp.iso8601`, with
/// microseconds when not on a whole second):
///
/// ```
/// {"labels":{"instance":"api-1","service":"api"},"series":"cpu_utilization","timestamp":"2026-11-21T10:00:00Z","type":"point","value":12.5}
/// {"fields":{"event":"auth_failure","source_ip":"203.0.113.7","user":"admin"},"instance":"auth-1","level":"warning","message":"…","service":"auth","timestamp":"2026-11-21T10:00:07.250000Z","type":"log"}
/// ```
public enum NDJSON {
    /// The events as NDJSON, each line ending in a newline.
    ///
    /// - Throws: `EncodingError` for a point whose value is not finite.
    public static func encode(_ events: [SyntheticEvent]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(UTCTimestamp.iso8601(date.timeIntervalSince1970))
        }
        var text = ""
        for event in events {
            let data = switch event {
            case let .point(key, point): try encoder.encode(PointLine(key, point))
            case let .log(record): try encoder.encode(LogLine(record))
            }
            text += String(decoding: data, as: UTF8.self)
            text += "\n"
        }
        return text
    }

    private struct PointLine: Encodable {
        let type = "point"
        let series: String
        let labels: [String: String]
        let timestamp: Date
        let value: Double

        init(_ key: SeriesKey, _ point: Point) {
            series = key.name
            labels = Dictionary(key.labels.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            timestamp = point.timestamp
            value = point.value
        }
    }

    private struct LogLine: Encodable {
        let type = "log"
        let timestamp: Date
        let service: String
        let instance: String
        let level: String
        let message: String
        let fields: [String: String]

        init(_ record: LogRecord) {
            timestamp = record.timestamp
            service = record.service
            instance = record.instance
            level = record.level.rawValue
            message = record.message
            fields = record.fields
        }
    }
}
