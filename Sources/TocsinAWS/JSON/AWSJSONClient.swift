import Foundation

/// A client of an AWS JSON-protocol service (CloudWatch Logs): POSTs of a JSON body with
/// `X-Amz-Target: PREFIX.Operation`, JSON answers, JSON errors.
public struct AWSJSONClient: Sendable {
    /// Signing, sending and retries.
    public let core: AWSServiceClient
    /// The target prefix, such as `Logs_20140328`.
    public let targetPrefix: String
    /// The content type, such as `application/x-amz-json-1.1`.
    public let contentType: String

    /// A client of `service` whose operations are `targetPrefix.Operation`, speaking JSON
    /// `jsonVersion` (`1.0` or `1.1`), set up by `configuration`.
    ///
    /// Throws ``AWSError/Code/invalidRequest`` when the region and service form no endpoint.
    public init(
        service: AWSService, targetPrefix: String, jsonVersion: String = "1.1", configuration: AWSClientConfiguration
    ) throws(AWSError) {
        self.core = try AWSServiceClient(service: service, configuration: configuration)
        self.targetPrefix = targetPrefix
        self.contentType = "application/x-amz-json-\(jsonVersion)"
    }

    /// Calls `operation` with `input` as its JSON body and returns the answer's body.
    ///
    /// Throws ``AWSError/Code/serviceError`` (or ``AWSError/Code/throttled``) with AWS's code
    /// and message when the service refuses.
    public func send(_ operation: String, _ input: some Encodable) async throws(AWSError) -> [UInt8] {
        let body: Data
        do {
            body = try JSONEncoder().encode(input)
        } catch {
            throw AWSError(.invalidRequest, "\(core.service.displayName) \(operation): the input cannot be written as JSON")
        }
        let response = try await core.post(
            operation: operation,
            headers: [
                SignableRequest.Header("Content-Type", contentType),
                SignableRequest.Header("X-Amz-Target", "\(targetPrefix).\(operation)"),
            ],
            body: Array(body), errors: .json
        )
        return response.body
    }

    /// Calls `operation` with `input` and decodes the answer as `Output`.
    ///
    /// Throws ``AWSError/Code/invalidResponse`` when the answer is not an `Output` in JSON.
    public func send<Output: Decodable>(
        _ operation: String, _ input: some Encodable, as output: Output.Type
    ) async throws(AWSError) -> Output {
        let body = try await send(operation, input)
        do {
            return try JSONDecoder().decode(Output.self, from: Data(body))
        } catch {
            throw AWSError(
                .invalidResponse,
                "\(core.service.displayName) \(operation) answered with a body that is not the expected JSON (\(Self.reason(error)))"
            )
        }
    }

    /// Which part of the JSON did not decode, without its values.
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "unreadable" }
        let path: (DecodingError.Context) -> String = { context in
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "bad value at \(path(context))"
        case .keyNotFound(let key, let context):
            return "missing " + [path(context), key.stringValue].filter { !$0.isEmpty }.joined(separator: ".")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context))"
        @unknown default:
            return "unreadable"
        }
    }
}
