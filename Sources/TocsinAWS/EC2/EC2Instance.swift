import Foundation

/// An instance as DescribeInstances shows it.
public struct EC2Instance: Sendable, Hashable {
    /// The instance id, such as `i-0123456789abcdef0`.
    public var id: String
    /// The state: `pending`, `running`, `shutting-down`, `terminated`, `stopping` or `stopped`.
    public var state: String
    /// The instance type, such as `t3.micro`.
    public var type: String
    /// The tags, by key.
    public var tags: [String: String]
    /// When the instance was last started.
    public var launchTime: Date?

    /// Creates an instance description.
    public init(id: String, state: String, type: String, tags: [String: String] = [:], launchTime: Date? = nil) {
        self.id = id
        self.state = state
        self.type = type
        self.tags = tags
        self.launchTime = launchTime
    }

    /// The instance in an `<item>` of an `<instancesSet>`.
    init(item: AWSXMLElement) throws(AWSError) {
        let id = try item.requiredText(of: "instanceId")
        guard let state = item.child(path: "instanceState", "name")?.text else {
            throw AWSError(.invalidResponse, "instance \(id) has no <instanceState><name>")
        }
        var tags: [String: String] = [:]
        for tag in item.child("tagSet")?.children("item") ?? [] {
            tags[try tag.requiredText(of: "key")] = tag.text(of: "value") ?? ""
        }
        self.init(
            id: id, state: state, type: try item.requiredText(of: "instanceType"), tags: tags,
            launchTime: try item.text(of: "launchTime").map { (text) throws(AWSError) in try QueryTimestamp.parse(text) }
        )
    }
}
