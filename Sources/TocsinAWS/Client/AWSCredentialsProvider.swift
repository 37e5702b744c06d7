/// Where a client gets the credentials it signs with, asked before every attempt so that
/// expiring credentials are renewed between retries.
public protocol AWSCredentialsProvider: Sendable {
    /// The credentials to sign the next request with.
    func credentials() async throws(AWSError) -> AWSCredentials
}

extension AWSCredentialChain: AWSCredentialsProvider {}

extension AWSCredentials: AWSCredentialsProvider {
    /// These credentials themselves, for fixed keys.
    public func credentials() async throws(AWSError) -> AWSCredentials { self }
}
