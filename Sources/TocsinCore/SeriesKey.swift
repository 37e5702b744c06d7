/// Identifies a time series: a metric name and a set of labels, as in Prometheus.
///
/// Labels are kept sorted by name, so two keys with the same labels in a different
/// order are equal and render identically.
public struct SeriesKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The metric name, for example `cpu_utilization`.
    public let name: String
    /// Label pairs sorted by label name.
    public let labels: [Label]

    /// One label pair.
    public struct Label: Sendable, Hashable, Codable {
        /// The label's name.
        public let name: String
        /// The label's value.
        public let value: String

        /// Creates a label pair.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates a key from a name and a dictionary of labels.
    public init(name: String, labels: [String: String] = [:]) {
        self.name = name
        self.labels = labels.map { Label(name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }
    }

    private init(name: String, sortedLabels: [Label]) {
        self.name = name
        labels = sortedLabels
    }

    /// The series of another metric with the same labels (e.g. the request rate of the
    /// instance whose CPU this is).
    public func renamed(_ name: String) -> SeriesKey {
        SeriesKey(name: name, sortedLabels: labels)
    }

    /// Whether the key has this name (`nil` matches any) and carries every one of these
    /// labels with these values: the selector of detection rules and remediation policies.
    public func matches(name: String?, labels required: [String: String]) -> Bool {
        if let name, name != self.name { return false }
        return required.allSatisfy { self[$0.key] == $0.value }
    }

    /// The value of one label, if present.
    public subscript(label: String) -> String? {
        labels.first { $0.name == label }?.value
    }

    /// Renders the key as Prometheus does: `name{a="x",b="y"}`, or just `name` without labels.
    public var description: String {
        guard !labels.isEmpty else { return name }
        let body = labels.map { "\($0.name)=\"\(escape($0.value))\"" }.joined(separator: ",")
        return "\(name){\(body)}"
    }

    public static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        lhs.description < rhs.description
    }

    private func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
