/// Which labels split a route's alerts into aggregation groups: Alertmanager's `group_by`.
///
/// Encoded as Alertmanager writes it: a list of label names, or `["..."]` for all labels.
public enum Grouping: Sendable, Hashable, Codable {
    /// One group per combination of these labels' values (an empty list: one group for the route).
    case labels([String])
    /// One group per distinct label set (`...`), which in effect disables grouping.
    case allLabels

    /// The label subset that identifies an alert's group: the grouped labels the alert carries.
    public func groupLabels(of labels: [String: String]) -> [String: String] {
        switch self {
        case .allLabels:
            return labels
        case .labels(let names):
            return labels.filter { names.contains($0.key) }
        }
    }

    /// Decodes a list of label names, where `...` alone means all labels.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let names = try container.decode([String].self)
        if names.contains("...") {
            guard names.count == 1 else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "group_by '...' cannot be combined with label names")
            }
            self = .allLabels
        } else {
            self = .labels(names)
        }
    }

    /// Encodes the list of label names, or `["..."]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .allLabels: try container.encode(["..."])
        case .labels(let names): try container.encode(names)
        }
    }
}
