/// A DescribeInstances filter: instances whose `name` attribute has one of `values`.
///
/// Names are EC2's, such as `instance-state-name`, `instance-type`, `tag-key`, or
/// `tag:KEY` for the value of tag `KEY`.
public struct EC2Filter: Sendable, Hashable {
    /// The attribute filtered on.
    public var name: String
    /// The accepted values; `*` and `?` are wildcards.
    public var values: [String]

    /// Creates a filter.
    public init(_ name: String, _ values: [String]) {
        self.name = name
        self.values = values
    }

    /// Instances whose tag `key` has one of `values`.
    public static func tag(_ key: String, _ values: String...) -> EC2Filter {
        EC2Filter("tag:\(key)", values)
    }

    /// Instances in one of `states`, such as `running`.
    public static func state(_ states: String...) -> EC2Filter {
        EC2Filter("instance-state-name", states)
    }
}
