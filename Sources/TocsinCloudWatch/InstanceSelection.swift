import TocsinAWS

/// Which EC2 instances a ``CloudWatchSource`` watches: listed by id, or every running
/// instance that carries all of some tags (for example `tocsin:monitor=true`).
public enum InstanceSelection: Sendable, Hashable {
    /// No instances: only metrics that are not per instance are read.
    case none
    /// These instances, whatever their tags.
    case ids([String])
    /// The pending or running instances that carry every one of these tags with these values.
    case tags([String: String])

    /// The ids of the selected instances, asked of EC2 (with `DescribeInstances`, all pages).
    public func resolve(with ec2: EC2Client) async throws(AWSError) -> [String] {
        switch self {
        case .none:
            return []
        case .ids(let ids):
            return ids
        case .tags(let tags):
            let filters = tags.sorted { $0.key < $1.key }.map { EC2Filter.tag($0.key, $0.value) } + [.state("pending", "running")]
            return try await ec2.describeInstances(filters: filters).map(\.id).sorted()
        }
    }
}
