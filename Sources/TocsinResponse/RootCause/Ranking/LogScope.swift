import TocsinCore

/// Which log records take part in a ranking: those of one service and/or one instance.
public struct LogScope: Sendable, Hashable, Codable {
    /// The service records must come from, or `nil` for any.
    public var service: String?
    /// The instance records must come from, or `nil` for any.
    public var instance: String?

    /// Every record.
    public static let everything = LogScope()

    /// Creates a scope.
    public init(service: String? = nil, instance: String? = nil) {
        self.service = service
        self.instance = instance
    }

    /// The scope of a series: its service label and, when `includeInstance` is set, its
    /// instance label (a missing label does not restrict).
    public init(series: SeriesKey, labels: ScopeLabels, includeInstance: Bool) {
        self.init(service: series[labels.service], instance: includeInstance ? series[labels.instance] : nil)
    }

    /// Whether the record comes from the service and instance of the scope.
    public func contains(_ record: LogRecord) -> Bool {
        (service == nil || record.service == service) && (instance == nil || record.instance == instance)
    }
}
