import Foundation

/// JSON for the sinks: sorted keys and ISO 8601 dates.
enum SinkJSON {
    static func encode(_ value: some Encodable) throws(SinkFailure) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        do { return try encoder.encode(value) } catch {
            throw SinkFailure("cannot encode the message: \(error)", retryable: false)
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws(SinkFailure) -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(type, from: data) } catch {
            throw SinkFailure("the queued message is unreadable: \(error)", retryable: false)
        }
    }
}
