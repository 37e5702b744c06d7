import Foundation

/// A signed request as it goes on the wire.
public struct AWSHTTPRequest: Sendable, Hashable {
    /// The HTTP method, such as `POST`.
    public var method: String
    /// The full URL, with the encoded path and query.
    public var url: URL
    /// The header lines, signature headers included; names may repeat.
    public var headers: [SignableRequest.Header]
    /// The body.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, url: URL, headers: [SignableRequest.Header], body: [UInt8]) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of the first header called `name` (compared without case), or `nil`.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
