/// The canonical request of AWS Signature Version 4, built the way botocore builds it.
struct CanonicalRequest {
    /// The six newline-separated parts: method, URI, query, headers, signed headers, payload hash.
    let text: String
    /// The `;`-joined lower-case names of the signed headers.
    let signedHeaders: String

    /// Header names never signed, because proxies may change or drop them (botocore's list).
    static let unsignedHeaderNames: Set<String> = [
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// Builds the canonical form of `request` with `headers` (the request's own plus the
    /// signer's) and the hex `payloadHash`.
    init(request: SignableRequest, headers: [SignableRequest.Header], payloadHash: String, encodesPathTwice: Bool) {
        let signed = Self.canonicalHeaders(headers, host: request.hostHeader)
        signedHeaders = signed.map(\.name).joined(separator: ";")
        let headerLines = signed.map { "\($0.name):\($0.value)\n" }.joined()
        text = [
            request.method.uppercased(),
            Self.canonicalURI(request.encodedPath, encodesPathTwice: encodesPathTwice),
            Self.canonicalQuery(request.query),
            headerLines,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
    }

    /// The path as sent, for S3; for other services the path as sent with `.`, `..` and
    /// empty segments removed and then encoded a second time.
    static func canonicalURI(_ encodedPath: String, encodesPathTwice: Bool) -> String {
        guard encodesPathTwice else { return encodedPath }
        return PercentEncoding.encode(removingDotSegments(encodedPath), keepingSlash: true)
    }

    /// RFC 3986 dot-segment removal that also drops empty segments, keeping a leading and a
    /// trailing `/` (botocore's `remove_dot_segments`).
    static func removingDotSegments(_ path: String) -> String {
        var kept: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                _ = kept.popLast()
            } else {
                kept.append(segment)
            }
        }
        let leading = path.hasPrefix("/") ? "/" : ""
        let trailing = path.hasSuffix("/") && !kept.isEmpty ? "/" : ""
        return leading + kept.joined(separator: "/") + trailing
    }

    /// Encoded `name=value` pairs sorted by encoded name, then encoded value, joined by `&`.
    static func canonicalQuery(_ items: [SignableRequest.QueryItem]) -> String {
        items.map { (PercentEncoding.encode($0.name), PercentEncoding.encode($0.value)) }
            .sorted { left, right in
                left.0 == right.0
                    ? left.1.utf8.lexicographicallyPrecedes(right.1.utf8)
                    : left.0.utf8.lexicographicallyPrecedes(right.0.utf8)
            }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// The signed headers, lower-cased, values trimmed with inner whitespace runs collapsed,
    /// repeated names comma-joined in order, sorted by name; `host` is added when missing.
    static func canonicalHeaders(_ headers: [SignableRequest.Header], host: String) -> [SignableRequest.Header] {
        var values: [String: [String]] = [:]
        for header in headers {
            let name = collapsingWhitespace(header.name.lowercased())
            guard !unsignedHeaderNames.contains(name) else { continue }
            values[name, default: []].append(collapsingWhitespace(header.value))
        }
        if values["host"] == nil { values["host"] = [host] }
        return values.keys
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { SignableRequest.Header($0, values[$0, default: []].joined(separator: ",")) }
    }

    /// `value` split on whitespace runs and joined by single spaces (Python's `' '.join(v.split())`).
    static func collapsingWhitespace(_ value: String) -> String {
        value.unicodeScalars
            .split(whereSeparator: isSpace)
            .map { String(String.UnicodeScalarView($0)) }
            .joined(separator: " ")
    }

    /// Whitespace as Python's `str.split()` sees it: Unicode White_Space plus U+001C to U+001F.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }
}
