import Foundation
import TocsinCore

/// Shared test values.
enum Fixture {
    /// A whole-second instant from which tests count.
    static let origin = Date(timeIntervalSince1970: 1_700_000_000)

    /// `origin` plus `seconds`.
    static func at(_ seconds: Double) -> Date {
        origin.addingTimeInterval(seconds)
    }

    static let cpu = SeriesKey(name: "cpu_utilization", labels: ["service": "checkout", "instance": "i-1"])
    static let memory = SeriesKey(name: "memory_used", labels: ["service": "checkout", "instance": "i-1"])
    static let latency = SeriesKey(name: "latency_ms", labels: ["service": "search", "instance": "i-9", "path": "/q"])

    /// `count` distinct keys of one metric.
    static func keys(_ count: Int, metric: String = "requests") -> [SeriesKey] {
        (0..<count).map { SeriesKey(name: metric, labels: ["instance": "i-\($0)"]) }
    }
}
