/// One series of a `query_range` answer: its labels (`__name__` included when the
/// query keeps it) and its samples as (epoch seconds, value).
public struct PrometheusSeries: Sendable, Equatable {
    /// The series' labels.
    public var labels: [String: String]
    /// The samples, oldest first.
    public var samples: [(time: Double, value: Double)]

    /// A series with these labels and samples.
    public init(labels: [String: String], samples: [(time: Double, value: Double)]) {
        self.labels = labels
        self.samples = samples
    }

    public static func == (left: PrometheusSeries, right: PrometheusSeries) -> Bool {
        left.labels == right.labels && left.samples.elementsEqual(right.samples) { $0.time == $1.time && $0.value == $1.value }
    }
}
