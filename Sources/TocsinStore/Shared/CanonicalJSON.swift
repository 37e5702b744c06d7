import Foundation
import TocsinCore

/// The JSON columns of both backends: labels, incident scopes and series lists, log
/// fields. Keys are sorted, so equal values always give identical text; the series
/// table relies on this for its unique `(name, labels)` key.
enum CanonicalJSON {
    /// `labels` as a JSON object with sorted keys, e.g. `{"host":"a","service":"b"}`.
    static func labels(of key: SeriesKey) throws -> String {
        var object: [String: String] = [:]
        for label in key.labels { object[label.name] = label.value }
        return try encode(object)
    }

    /// A string dictionary as a JSON object with sorted keys.
    static func encode(_ object: [String: String]) throws -> String {
        try encodeValue(object)
    }

    /// Series keys as a JSON array of `{"labels":{...},"name":"..."}` objects.
    static func encode(_ keys: [SeriesKey]) throws -> String {
        try encodeValue(keys.map { key in
            StoredKey(name: key.name, labels: Dictionary(key.labels.map { ($0.name, $0.value) }) { first, _ in first })
        })
    }

    /// A JSON object of strings.
    static func decodeObject(_ text: String, column: String) throws -> [String: String] {
        try decodeValue([String: String].self, text, column: column)
    }

    /// A JSON array written by ``encode(_:)-([SeriesKey])``.
    static func decodeKeys(_ text: String, column: String) throws -> [SeriesKey] {
        try decodeValue([StoredKey].self, text, column: column).map { SeriesKey(name: $0.name, labels: $0.labels) }
    }

    /// The stored shape of one series key.
    private struct StoredKey: Codable {
        var name: String
        var labels: [String: String]
    }

    private static func encodeValue(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError(.unavailable, "cannot encode JSON: \(error)")
        }
    }

    private static func decodeValue<T: Decodable>(_ type: T.Type, _ text: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.unavailable, "stored \(column) is not valid JSON: \(error)")
        }
    }
}
