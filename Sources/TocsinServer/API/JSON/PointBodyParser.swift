import Foundation
import TocsinCore

/// Reads `POST /v1/points` bodies, JSON (`{"points": [...]}`) or NDJSON (one point object
/// per line), straight from the bytes; about ten times faster than `JSONDecoder`, with
/// the same errors: 400 `malformed_json` for text that is not JSON, 422 `missing_field`,
/// `invalid_type` or `invalid_value` naming the field, e.g. `points[3].value`. Unknown
/// keys are ignored.
enum PointBodyParser {
    static func parse(_ bytes: UnsafeRawBufferPointer, ndjson: Bool) throws(APIError) -> [PointPayload] {
        do {
            return ndjson ? try lines(bytes) : try document(bytes)
        } catch let error as APIError {
            throw error
        } catch let error as JSONScanner.SyntaxError {
            throw APIError.badRequest("malformed_json", "the body is not valid JSON: \(error.reason) at byte \(error.offset)")
        } catch {
            throw APIError.badRequest("malformed_json", "the body is not valid JSON")
        }
    }

    private static func document(_ bytes: UnsafeRawBufferPointer) throws -> [PointPayload] {
        var scanner = JSONScanner(bytes)
        guard try scanner.peekKind() == .object else {
            throw APIError.unprocessable("invalid_type", "the body must be an object with a points array", field: "points")
        }
        var points: [PointPayload]?
        try scanner.members { scanner, key in
            guard key == "points" else { return try scanner.skipValue() }
            guard try scanner.peekKind() == .array else {
                throw APIError.unprocessable("invalid_type", "points must be an array", field: "points")
            }
            var list: [PointPayload] = []
            try scanner.elements { scanner, index in list.append(try point(&scanner, field: { "points[\(index)]" })) }
            points = list
        }
        try trailing(&scanner)
        guard let points else { throw APIError.unprocessable("missing_field", "points is required", field: "points") }
        return points
    }

    private static func lines(_ bytes: UnsafeRawBufferPointer) throws -> [PointPayload] {
        var points: [PointPayload] = []
        var start = 0
        var number = 0
        while start < bytes.count {
            number += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            var scanner = JSONScanner(line)
            scanner.skipWhitespace()
            if !scanner.isAtEnd {
                let label = "line \(number)"
                do {
                    points.append(try point(&scanner, field: { label }))
                    try trailing(&scanner)
                } catch let error as JSONScanner.SyntaxError {
                    throw APIError.badRequest("malformed_json", "\(label) is not valid JSON: \(error.reason)", field: label)
                }
            }
            start = end + 1
        }
        return points
    }

    private static func trailing(_ scanner: inout JSONScanner) throws(JSONScanner.SyntaxError) {
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.fail("unexpected text after the JSON value") }
    }

    /// One point object; `field` names it in errors (built only when one is thrown).
    private static func point(_ scanner: inout JSONScanner, field: () -> String) throws -> PointPayload {
        guard try scanner.peekKind() == .object else {
            throw APIError.unprocessable("invalid_type", "\(field()) must be an object", field: field())
        }
        var series: String?
        var labels: [String: String]?
        var timestamp: Date?
        var value: Double?
        try scanner.members { scanner, key in
            switch key {
            case "series": series = try string(&scanner, field: { "\(field()).series" })
            case "labels": labels = try labelObject(&scanner, field: { "\(field()).labels" })
            case "timestamp": timestamp = try time(&scanner, field: { "\(field()).timestamp" })
            case "value": value = try number(&scanner, field: { "\(field()).value" })
            default: try scanner.skipValue()
            }
        }
        guard let series else { throw missing("\(field()).series") }
        guard let timestamp else { throw missing("\(field()).timestamp") }
        guard let value else { throw missing("\(field()).value") }
        return PointPayload(series: series, labels: labels, timestamp: TimestampValue(date: timestamp), value: value)
    }

    private static func missing(_ field: String) -> APIError {
        .unprocessable("missing_field", "\(field) is required", field: field)
    }

    private static func wrongType(_ scanner: inout JSONScanner, _ field: String, _ expected: String) throws -> APIError {
        let isNull = scanner.null()
        if !isNull { try scanner.skipValue() }
        return .unprocessable("invalid_type", "\(field) must be \(expected)\(isNull ? ", not null" : "")", field: field)
    }

    private static func string(_ scanner: inout JSONScanner, field: () -> String) throws -> String {
        guard try scanner.peekKind() == .string else { throw try wrongType(&scanner, field(), "a string") }
        return try scanner.string()
    }

    private static func number(_ scanner: inout JSONScanner, field: () -> String) throws -> Double {
        guard try scanner.peekKind() == .number else { throw try wrongType(&scanner, field(), "a number") }
        return try scanner.number()
    }

    private static func labelObject(_ scanner: inout JSONScanner, field: () -> String) throws -> [String: String]? {
        if scanner.null() { return nil }
        guard try scanner.peekKind() == .object else { throw try wrongType(&scanner, field(), "an object of strings") }
        var labels: [String: String] = [:]
        try scanner.members { scanner, name in
            labels[name] = try string(&scanner, field: { "\(field()).\(name)" })
        }
        return labels
    }

    private static func time(_ scanner: inout JSONScanner, field: () -> String) throws -> Date {
        switch try scanner.peekKind() {
        case .number:
            let seconds = try scanner.number()
            guard seconds.isFinite else {
                throw APIError.unprocessable("invalid_value", "\(field()): timestamp is not a finite number", field: field())
            }
            return Date(timeIntervalSince1970: seconds)
        case .string:
            let text = try scanner.string()
            guard let seconds = UTCTimestamp.parse(text) else {
                throw APIError.unprocessable("invalid_value", "\(field()): \"\(text)\" is not an ISO-8601 UTC timestamp or epoch seconds",
                                             field: field())
            }
            return Date(timeIntervalSince1970: seconds)
        default:
            throw try wrongType(&scanner, field(), "an ISO-8601 string or epoch seconds")
        }
    }
}
