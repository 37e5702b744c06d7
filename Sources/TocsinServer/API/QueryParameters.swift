import Foundation
import Hummingbird
import TocsinCore

/// Reads and checks query parameters; each failure is a 400 naming the parameter.
struct QueryParameters {
    let values: Parameters

    init(_ values: Parameters) {
        self.values = values
    }

    /// `from` and `to` (ISO-8601 or epoch seconds); the default range is the last 24 hours.
    func range(now: Date = Date()) throws(APIError) -> (from: Date, to: Date) {
        let to = try date("to") ?? now.addingTimeInterval(86_400 * 365)
        let from = try date("from") ?? now.addingTimeInterval(-86_400)
        guard from <= to else { throw .badRequest("invalid_range", "from must not be after to", field: "from") }
        return (from, to)
    }

    func date(_ name: String) throws(APIError) -> Date? {
        guard let text = values[Substring(name)].map(String.init) else { return nil }
        guard let seconds = UTCTimestamp.parse(text) else {
            throw .badRequest("invalid_parameter", "\(name) must be an ISO-8601 UTC timestamp or epoch seconds", field: name)
        }
        return Date(timeIntervalSince1970: seconds)
    }

    func limit(default value: Int, max maximum: Int) throws(APIError) -> Int {
        guard let text = values[Substring("limit")].map(String.init) else { return value }
        guard let limit = Int(text), (1...maximum).contains(limit) else {
            throw .badRequest("invalid_parameter", "limit must be an integer from 1 to \(maximum)", field: "limit")
        }
        return limit
    }

    /// An integer parameter within `bounds`, or nil when it is absent.
    func integer(_ name: String, in bounds: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let text = values[Substring(name)].map(String.init) else { return nil }
        guard let value = Int(text), bounds.contains(value) else {
            throw .badRequest("invalid_parameter", "\(name) must be an integer from \(bounds.lowerBound) to \(bounds.upperBound)", field: name)
        }
        return value
    }

    /// `offset`: how many items to skip (default 0).
    func offset() throws(APIError) -> Int {
        try integer("offset", in: 0...Int(Int32.max)) ?? 0
    }

    /// A free-text parameter, or nil when it is absent or empty.
    func text(_ name: String) -> String? {
        guard let text = values[Substring(name)].map(String.init), !text.isEmpty else { return nil }
        return text
    }

    func optionalIdentifier(_ name: String) throws(APIError) -> Int64? {
        guard let text = values[Substring(name)].map(String.init) else { return nil }
        return try Self.identifier(text, field: name)
    }

    static func identifier(_ text: String?, field: String) throws(APIError) -> Int64 {
        guard let text, let id = Int64(text), id > 0 else {
            throw .badRequest("invalid_parameter", "\(field) must be a positive integer", field: field)
        }
        return id
    }
}
