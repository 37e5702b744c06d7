/// A service's answer: status, headers and body, whatever the status.
public struct AWSHTTPResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// Header values by lower-case name.
    public var headers: [String: String]
    /// The body.
    public var body: [UInt8]

    /// Creates an answer; header names are lower-cased.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { _, last in last }
        self.body = body
    }

    /// The value of the header called `name` (compared without case), or `nil`.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
