/// One HTTP exchange with the EC2 instance metadata service, injected so the credential
/// chain can be tested against a local server and never reaches a real one by accident.
public protocol MetadataTransport: Sendable {
    /// Sends `request` and returns the answer, whatever its status.
    ///
    /// Throws ``AWSError/Code/metadataUnavailable`` when no answer came in time.
    func send(_ request: MetadataRequest) async throws(AWSError) -> MetadataResponse
}

/// A request to the instance metadata service.
public struct MetadataRequest: Sendable, Hashable {
    /// `GET` or `PUT`.
    public var method: String
    /// The path from the service's root, such as `/latest/api/token`.
    public var path: String
    /// Header values by name.
    public var headers: [String: String]

    /// Creates a request.
    public init(method: String, path: String, headers: [String: String] = [:]) {
        self.method = method
        self.path = path
        self.headers = headers
    }
}

/// An answer of the instance metadata service.
public struct MetadataResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The body.
    public var body: [UInt8]

    /// Creates an answer.
    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}
