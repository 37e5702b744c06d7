import Foundation

/// What every protocol client shares: the endpoint, SigV4 signing, sending, retries with
/// backoff, and turning failed answers into ``AWSError``s.
public struct AWSServiceClient: Sendable {
    /// The service addressed.
    public let service: AWSService
    /// The base URL requests go to.
    public let endpoint: URL
    /// Region, credentials, transport and retry policy.
    public let configuration: AWSClientConfiguration
    private let signer: SigV4Signer

    /// A client for `service` as `configuration` sets it up.
    ///
    /// Throws ``AWSError/Code/invalidRequest`` when the region and service form no endpoint.
    public init(service: AWSService, configuration: AWSClientConfiguration) throws(AWSError) {
        self.service = service
        self.configuration = configuration
        self.endpoint = try configuration.endpoints.url(for: service.signingName, region: configuration.region)
        self.signer = SigV4Signer(service: service.signingName, region: configuration.region)
    }

    /// POSTs `body` with `headers` to the endpoint, signed afresh for each attempt, retrying
    /// throttling and transient failures as the retry policy says; returns the 2xx answer.
    ///
    /// Errors are prefixed with the service and `operation`. A failure that outlasts every
    /// attempt is ``AWSError/Code/throttled`` when the service throttled, else the last error.
    func post(
        operation: String, headers: [SignableRequest.Header], body: [UInt8], errors: AWSErrorFormat
    ) async throws(AWSError) -> AWSHTTPResponse {
        let context = "\(service.displayName) \(operation)"
        let retry = configuration.retry
        var attempt = 1
        while true {
            let failure: AWSError
            do throws(AWSError) {
                let response = try await send(headers: headers, body: body)
                if response.isSuccess { return response }
                failure = errors.error(from: response)
            } catch {
                failure = error
            }
            let kind = RetryClassification.kind(of: failure)
            guard kind != .permanent else { throw failure.prefixed(context) }
            guard attempt < retry.maxAttempts else {
                throw Self.exhausted(failure, kind: kind, attempts: attempt).prefixed(context)
            }
            do {
                try await retry.sleep(retry.delay(beforeRetry: attempt))
            } catch {
                throw AWSError(.cancelled, "\(context) was cancelled while waiting to retry after: \(failure.message)")
            }
            attempt += 1
        }
    }

    /// One signed attempt.
    private func send(headers: [SignableRequest.Header], body: [UInt8]) async throws(AWSError) -> AWSHTTPResponse {
        let credentials = try await configuration.credentials.credentials()
        let request = try SignableRequest(method: "POST", endpoint: endpoint, headers: headers, payload: .bytes(body))
        let signed = signer.sign(request, credentials: credentials, date: Date())
        let wire = AWSHTTPRequest(method: request.method, url: try request.url(), headers: request.headers + signed.all, body: body)
        return try await configuration.transport.send(wire)
    }

    /// The error to report when `failure`, of `kind`, was still there after `attempts` attempts:
    /// ``AWSError/Code/throttled`` for throttling, saying how many attempts were made.
    private static func exhausted(_ failure: AWSError, kind: RetryClassification.Kind, attempts: Int) -> AWSError {
        let code: AWSError.Code = kind == .throttling ? .throttled : failure.code
        let what = kind == .throttling ? "throttled" : "failed"
        let message = attempts == 1 ? failure.message : "\(what) on all \(attempts) attempts; last: \(failure.message)"
        return AWSError(code, message, serviceCode: failure.serviceCode, httpStatus: failure.httpStatus)
    }
}
