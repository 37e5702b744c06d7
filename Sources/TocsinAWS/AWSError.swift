/// An error from TocsinAWS: a stable code and one line for people.
///
/// Messages name files, profiles, environment variables, endpoints, operations and HTTP
/// statuses, never the values of keys, secrets or session tokens, so an `AWSError` is safe to log.
public struct AWSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable code to branch on.
    public enum Code: String, Sendable, Hashable {
        /// No source in the credential chain had credentials.
        case missingCredentials
        /// A source had an access key id without a secret, or the reverse.
        case partialCredentials
        /// The profile named by `AWS_PROFILE` is in neither shared file.
        case profileNotFound
        /// A shared config or credentials file could not be read or parsed.
        case invalidConfiguration
        /// No region was set in the environment or the profile.
        case missingRegion
        /// The instance metadata service could not be reached or answered with an error.
        case metadataUnavailable
        /// The instance metadata service answered with something that is not credentials.
        case invalidMetadataResponse
        /// A request could not be built (for example an endpoint URL without a host).
        case invalidRequest
        /// The service answered with an error; ``AWSError/serviceCode`` holds AWS's code
        /// (such as `InvalidClientTokenId` or `ValidationError`).
        case serviceError
        /// The service throttled every attempt; ``AWSError/serviceCode`` holds AWS's code.
        case throttled
        /// No connection could be opened (connection refused, unknown host, TLS failure).
        case connectionFailed
        /// The connection broke before the whole answer arrived.
        case connectionLost
        /// No answer arrived within the transport's timeout.
        case timedOut
        /// The service answered with a body that is not what the operation returns.
        case invalidResponse
        /// The task was cancelled while waiting for an answer or a retry.
        case cancelled
    }

    /// What went wrong.
    public let code: Code
    /// One line on what went wrong, free of secrets.
    public let message: String
    /// AWS's own error code, for ``Code/serviceError`` and ``Code/throttled``.
    public let serviceCode: String?
    /// The HTTP status of the service's answer, when there was one.
    public let httpStatus: Int?

    /// Creates an error; `message` must not contain secrets.
    public init(_ code: Code, _ message: String, serviceCode: String? = nil, httpStatus: Int? = nil) {
        self.code = code
        self.message = message
        self.serviceCode = serviceCode
        self.httpStatus = httpStatus
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }

    /// The same error with `context` (such as `CloudWatch GetMetricData`) put before its message.
    func prefixed(_ context: String) -> AWSError {
        AWSError(code, "\(context): \(message)", serviceCode: serviceCode, httpStatus: httpStatus)
    }
}
