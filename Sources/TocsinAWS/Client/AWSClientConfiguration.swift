/// What every service client needs: region, credentials, endpoints, transport and retries.
public struct AWSClientConfiguration: Sendable {
    /// The region to sign for and to pick endpoints in, such as `eu-west-1`.
    public var region: String
    /// Where the signing keys come from.
    public var credentials: any AWSCredentialsProvider
    /// Endpoint overrides (for moto, LocalStack or VPC endpoints); none by default.
    public var endpoints: AWSEndpoints
    /// How requests are sent.
    public var transport: any AWSHTTPTransport
    /// When and how often failed requests are tried again.
    public var retry: AWSRetryPolicy

    /// A configuration; by default AWS's own endpoints, a `URLSession` transport with its
    /// default timeouts, and the standard retry policy.
    public init(
        region: String,
        credentials: any AWSCredentialsProvider,
        endpoints: AWSEndpoints = AWSEndpoints(),
        transport: any AWSHTTPTransport = URLSessionHTTPTransport(),
        retry: AWSRetryPolicy = AWSRetryPolicy()
    ) {
        self.region = region
        self.credentials = credentials
        self.endpoints = endpoints
        self.transport = transport
        self.retry = retry
    }
}
