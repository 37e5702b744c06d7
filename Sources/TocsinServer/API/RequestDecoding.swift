import Foundation
import Hummingbird

/// Turns request bodies into payloads, with errors that name the offending field or line.
enum RequestDecoding {
    /// Reads the whole body, refusing more than `limit` bytes with 413.
    static func body(of request: Request, limit: Int) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw tooLarge(limit)
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch {
            throw tooLarge(limit)
        }
    }

    private static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "body_too_large", message: "the request body exceeds the limit of \(limit) bytes")
    }

    /// Whether the request declares newline-delimited JSON.
    static func isNDJSON(_ request: Request) -> Bool {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        return type.hasPrefix("application/x-ndjson") || type.hasPrefix("application/ndjson") || type.hasPrefix("application/jsonl")
    }

    /// Decodes a JSON document, or NDJSON lines each decoded as `Element`.
    static func decode<Wrapper: Decodable, Element: Decodable>(
        _ buffer: ByteBuffer, ndjson: Bool, wrapper: Wrapper.Type, element: Element.Type, list: String,
        unwrap: (Wrapper) -> [Element]
    ) throws -> [Element] {
        let data = Data(buffer.readableBytesView)
        let decoder = JSONDecoder()
        guard ndjson else {
            do { return unwrap(try decoder.decode(Wrapper.self, from: data)) } catch let error as DecodingError {
                throw describe(error, prefix: nil)
            } catch {
                throw APIError.badRequest("malformed_json", "the body is not valid JSON")
            }
        }
        var elements: [Element] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }
            if trimmed.isEmpty || trimmed.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
            do { elements.append(try decoder.decode(Element.self, from: Data(line))) } catch let error as DecodingError {
                throw describe(error, prefix: "line \(lineNumber)")
            } catch {
                throw APIError.badRequest("malformed_json", "line \(lineNumber) is not valid JSON", field: "line \(lineNumber)")
            }
        }
        return elements
    }

    /// Maps a decoding error to a 400/422 naming the field, e.g. `points[2].value`.
    static func describe(_ error: DecodingError, prefix: String?) -> APIError {
        func path(_ codingPath: [any CodingKey], _ last: String? = nil) -> String {
            var text = prefix ?? ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            if let last { text += text.isEmpty ? last : ".\(last)" }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath, key.stringValue)
            return .unprocessable("missing_field", "\(field) is required", field: field)
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return .unprocessable("invalid_type", "\(field) must be \(describe(type))", field: field)
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return .unprocessable("invalid_type", "\(field) must be \(describe(type)), not null", field: field)
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .badRequest("malformed_json", "the body is not valid JSON", field: prefix)
            }
            let field = path(context.codingPath)
            return .unprocessable("invalid_value", "\(field): \(context.debugDescription)", field: field)
        @unknown default:
            return .badRequest("malformed_json", "the body could not be decoded")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: "a number"
        case is String.Type: "a string"
        case is Array<Any>.Type: "an array"
        default: "a \(type)".replacingOccurrences(of: "Swift.", with: "")
        }
    }
}
