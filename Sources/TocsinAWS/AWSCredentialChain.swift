import Foundation

/// Finds credentials the way the AWS SDKs do, and keeps them until shortly before they expire.
///
/// The sources, in order:
/// 1. `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`;
/// 2. the profile (`AWS_PROFILE`, else `default`) in the shared credentials file, then in the
///    shared config file (see ``AWSSharedConfig``);
/// 3. the instance role, from the EC2 instance metadata service (IMDSv2).
///
/// Credentials without an expiration are kept for the chain's lifetime; expiring ones are
/// fetched again once `refreshMargin` before their expiration. Concurrent callers share one
/// lookup.
public actor AWSCredentialChain {
    private let environment: [String: String]
    private let metadata: (any MetadataTransport)?
    private let refreshMargin: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: AWSCredentials?
    private var lookup: Task<Result<AWSCredentials, AWSError>, Never>?

    /// A chain reading `environment` and the shared files it points to, asking `metadata`
    /// (when not `nil`) for the instance role, and judging expiry by `now`.
    public init(
        environment: [String: String],
        metadata: (any MetadataTransport)?,
        refreshMargin: TimeInterval = 300,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.environment = environment
        self.metadata = metadata
        self.refreshMargin = refreshMargin
        self.now = now
    }

    /// The chain of this process: its environment, and the metadata service unless
    /// `AWS_EC2_METADATA_DISABLED` is `true` (see ``URLSessionMetadataTransport/init(environment:)``).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(environment: environment, metadata: URLSessionMetadataTransport(environment: environment))
    }

    /// Credentials from the first source that has them.
    ///
    /// Throws ``AWSError/Code/missingCredentials`` when no source has any, and the source's
    /// error when one is misconfigured (partial keys, unknown profile, unreadable file).
    public func credentials() async throws(AWSError) -> AWSCredentials {
        if let cached, isFresh(cached) { return cached }
        if let lookup { return try await lookup.value.get() }
        let task = Task { [environment, metadata] in
            await Self.resolve(environment: environment, metadata: metadata)
        }
        lookup = task
        let result = await task.value
        lookup = nil
        if case .success(let credentials) = result { cached = credentials }
        return try result.get()
    }

    private func isFresh(_ credentials: AWSCredentials) -> Bool {
        guard let expiration = credentials.expiration else { return true }
        return now() < expiration.addingTimeInterval(-refreshMargin)
    }

    private static func resolve(
        environment: [String: String], metadata: (any MetadataTransport)?
    ) async -> Result<AWSCredentials, AWSError> {
        do throws(AWSError) {
            if let credentials = try EnvironmentCredentials.credentials(in: environment) { return .success(credentials) }
            let shared = try AWSSharedConfig.load(environment: environment)
            if let credentials = try shared.credentials() { return .success(credentials) }
            let searched = "the environment, profile \(shared.profile) of \(shared.credentialsPath) and \(shared.configPath)"
            guard let metadata else {
                return .failure(AWSError(.missingCredentials, "no credentials in \(searched); instance metadata is disabled"))
            }
            do throws(AWSError) {
                return .success(try await InstanceMetadataCredentials(transport: metadata).fetch())
            } catch {
                return .failure(AWSError(.missingCredentials, "no credentials in \(searched) or instance metadata (\(error.message))"))
            }
        } catch {
            return .failure(error)
        }
    }
}
