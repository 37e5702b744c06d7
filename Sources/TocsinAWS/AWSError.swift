/// An error from TocsinAWS: a stable code and one line for people.
///
/// Messages name files, profiles, environment variables and HTTP statuses, never the
/// values of keys, secrets or session tokens, so an `AWSError` is safe to log.
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
    }

    /// What went wrong.
    public let code: Code
    /// One line on what went wrong, free of secrets.
    public let message: String

    /// Creates an error; `message` must not contain secrets.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
