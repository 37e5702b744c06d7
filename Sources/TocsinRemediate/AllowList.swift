/// The targets remediation may act on for real: exact names, or patterns ending in `*`
/// (`i-0abc*`). An empty list allows nothing.
public struct AllowList: Sendable, Hashable {
    /// The entries.
    public let entries: [String]

    /// A list of `entries`.
    public init(_ entries: [String]) {
        self.entries = entries
    }

    /// Whether `target` is allowed.
    public func allows(_ target: String) -> Bool {
        entries.contains { entry in
            entry.hasSuffix("*") ? target.hasPrefix(String(entry.dropLast())) : entry == target
        }
    }
}
