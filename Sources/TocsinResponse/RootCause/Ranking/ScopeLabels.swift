/// The series labels that name the service and the instance a series belongs to, which
/// relate series to each other and to log records.
public struct ScopeLabels: Sendable, Hashable, Codable {
    /// The label holding the service name (`service` by default).
    public var service: String
    /// The label holding the instance name (`instance` by default).
    public var instance: String

    /// Creates the label names.
    public init(service: String = "service", instance: String = "instance") {
        self.service = service
        self.instance = instance
    }
}
