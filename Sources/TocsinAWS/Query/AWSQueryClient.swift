/// A client of an AWS query-protocol service (CloudWatch, EC2, SNS): form-encoded POSTs
/// with `Action` and `Version`, XML answers, XML errors.
public struct AWSQueryClient: Sendable {
    /// Signing, sending and retries.
    public let core: AWSServiceClient
    /// The API version every request names, such as `2010-08-01`.
    public let version: String

    /// A client of `service`, API `version`, set up by `configuration`.
    ///
    /// Throws ``AWSError/Code/invalidRequest`` when the region and service form no endpoint.
    public init(service: AWSService, version: String, configuration: AWSClientConfiguration) throws(AWSError) {
        self.core = try AWSServiceClient(service: service, configuration: configuration)
        self.version = version
    }

    /// Calls `action` with `parameters` and returns the answer's root element.
    ///
    /// Throws ``AWSError/Code/serviceError`` (or ``AWSError/Code/throttled``) with AWS's code and
    /// message when the service refuses, and ``AWSError/Code/invalidResponse`` when the answer
    /// is not XML.
    public func send(_ action: String, _ parameters: QueryParameters = QueryParameters()) async throws(AWSError) -> AWSXMLElement {
        try await send(action, parameters) { $0 }
    }

    /// Calls `action` with `parameters` and reads the answer's root element with `decode`.
    ///
    /// An ``AWSError/Code/invalidResponse`` from `decode` or from parsing is prefixed with
    /// the service and action, like every other error.
    public func send<Output>(
        _ action: String, _ parameters: QueryParameters,
        decode: (AWSXMLElement) throws(AWSError) -> Output
    ) async throws(AWSError) -> Output {
        var head = QueryParameters()
        head.append("Action", action)
        head.append("Version", version)
        let body = Array([head.formEncoded, parameters.formEncoded].filter { !$0.isEmpty }.joined(separator: "&").utf8)
        let response = try await core.post(
            operation: action,
            headers: [SignableRequest.Header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            body: body, errors: .xml
        )
        do throws(AWSError) {
            return try decode(try AWSXMLElement(parsing: response.body))
        } catch {
            throw error.prefixed("\(core.service.displayName) \(action) answered HTTP \(response.status) with an unexpected body")
        }
    }
}
