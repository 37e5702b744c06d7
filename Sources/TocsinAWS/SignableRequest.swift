import Foundation

/// An HTTP request to an AWS service, in the form SigV4 signs it.
///
/// The path and the query items are kept decoded; the request encodes them itself, the same
/// way for the URL it is sent to (``url()``) and for the signature, so the two always agree.
public struct SignableRequest: Sendable, Hashable {
    /// One header line; names may repeat, and their values are then signed comma-joined in order.
    public struct Header: Sendable, Hashable {
        /// The header name, in any case.
        public var name: String
        /// The header value, as sent.
        public var value: String

        /// Creates a header line.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// One `name=value` pair of the query string, decoded; names may repeat.
    public struct QueryItem: Sendable, Hashable {
        /// The decoded name.
        public var name: String
        /// The decoded value; empty for `name=`.
        public var value: String

        /// Creates a query item.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// What the signature covers of the body.
    public enum Payload: Sendable, Hashable {
        /// The whole body; the signer hashes it.
        case bytes([UInt8])
        /// The lower-case hex SHA-256 of a body sent separately, or a marker such as ``unsigned``.
        case precomputedHash(String)

        /// The `UNSIGNED-PAYLOAD` marker, for bodies left out of the signature.
        public static let unsigned = Payload.precomputedHash("UNSIGNED-PAYLOAD")
    }

    /// The HTTP method, such as `GET` or `POST`.
    public var method: String
    /// `https` or `http`.
    public var scheme: String
    /// The host name or IP address, without port.
    public var host: String
    /// The port, or `nil` for the scheme's default.
    public var port: Int?
    /// The decoded path, starting with `/`; `/` is the separator and is never encoded.
    public var path: String
    /// The query items, in the order they are sent.
    public var query: [QueryItem]
    /// The header lines, in the order they are sent; the signer adds its own.
    public var headers: [Header]
    /// The body, or its precomputed hash.
    public var payload: Payload

    /// Creates a request from its parts.
    public init(
        method: String,
        scheme: String = "https",
        host: String,
        port: Int? = nil,
        path: String = "/",
        query: [QueryItem] = [],
        headers: [Header] = [],
        payload: Payload = .bytes([])
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.headers = headers
        self.payload = payload
    }

    /// Creates a request to `endpoint`, whose scheme, host (both lower-cased) and port are used
    /// and whose path, if any, is put before `path`.
    ///
    /// Throws ``AWSError/Code/invalidRequest`` when `endpoint` has no scheme or host.
    public init(
        method: String,
        endpoint: URL,
        path: String = "/",
        query: [QueryItem] = [],
        headers: [Header] = [],
        payload: Payload = .bytes([])
    ) throws(AWSError) {
        guard let scheme = endpoint.scheme?.lowercased(), let host = endpoint.host(percentEncoded: false), !host.isEmpty
        else { throw AWSError(.invalidRequest, "endpoint URL needs a scheme and a host") }
        var base = endpoint.path(percentEncoded: false)
        if base.hasSuffix("/") { base.removeLast() }
        let tail = path.hasPrefix("/") ? path : "/" + path
        self.init(
            method: method, scheme: scheme, host: host.lowercased(), port: endpoint.port,
            path: base + tail, query: query, headers: headers, payload: payload
        )
    }

    /// The `Host` header value: the lower-case host (bracketed for IPv6), with the port unless
    /// it is the scheme's default.
    public var hostHeader: String {
        let name = bracketedHost.lowercased()
        guard let port, port != Self.defaultPorts[scheme.lowercased()] else { return name }
        return "\(name):\(port)"
    }

    /// The path as sent: each byte outside the RFC 3986 unreserved set and `/` percent-encoded.
    public var encodedPath: String {
        PercentEncoding.encode(path.hasPrefix("/") ? path : "/" + path, keepingSlash: true)
    }

    /// The query string as sent, in the items' order, without the leading `?`.
    public var encodedQuery: String {
        query.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }
            .joined(separator: "&")
    }

    /// The URL to send the request to.
    ///
    /// Throws ``AWSError/Code/invalidRequest`` when the host cannot be part of a URL.
    public func url() throws(AWSError) -> URL {
        let portPart = port.map { ":\($0)" } ?? ""
        let queryPart = query.isEmpty ? "" : "?" + encodedQuery
        guard let url = URL(string: "\(scheme.lowercased())://\(bracketedHost)\(portPart)\(encodedPath)\(queryPart)")
        else { throw AWSError(.invalidRequest, "host \(host) does not form a valid URL") }
        return url
    }

    /// The host, in brackets when it is an IPv6 address.
    private var bracketedHost: String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }

    private static let defaultPorts = ["http": 80, "https": 443]
}
