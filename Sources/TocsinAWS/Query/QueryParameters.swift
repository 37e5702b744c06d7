/// The form fields of a query-protocol request, in order; `Action` and `Version` are added
/// by ``AWSQueryClient``.
///
/// Lists are flattened the query protocol's way: `Prefix.member.1.Name` for most services,
/// `Prefix.1` or `Prefix.1.Name` for EC2 — the caller spells the names out.
public struct QueryParameters: Sendable, Hashable {
    /// The fields, decoded.
    public private(set) var items: [SignableRequest.QueryItem] = []

    /// No fields.
    public init() {}

    /// Appends `name=value`.
    public mutating func append(_ name: String, _ value: String) {
        items.append(SignableRequest.QueryItem(name, value))
    }

    /// Appends `name=value` when `value` is not `nil`.
    public mutating func append(_ name: String, _ value: String?) {
        if let value { append(name, value) }
    }

    /// The `application/x-www-form-urlencoded` body: each name and value percent-encoded
    /// (RFC 3986), joined by `=` and `&`.
    public var formEncoded: String {
        items.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }.joined(separator: "&")
    }
}
