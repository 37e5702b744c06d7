import Foundation
import Testing
import TocsinAWS
import TocsinTestServers

/// The tests that run against moto, in nested suites sharing one server.
@Suite("CloudWatch against moto", .moto)
struct AgainstMoto {
    /// A 5-minute boundary about two days ago: the start of the test series.
    static func seriesStart() -> Date {
        Date(timeIntervalSince1970: ((Date().timeIntervalSince1970 - 2 * 86_400) / 300).rounded(.down) * 300)
    }

    /// Puts `values`, one every five minutes from `start`, as `instance`'s EC2 CPU utilization.
    static func putCPU(_ cloudWatch: CloudWatchClient, instance: String, from start: Date, _ values: [Double]) async throws {
        let data = values.enumerated().map { index, value in
            MetricDatum(metricName: "CPUUtilization", dimensions: [CloudWatchDimension("InstanceId", instance)],
                        timestamp: start.addingTimeInterval(Double(index) * 300), value: value, unit: .percent)
        }
        try await cloudWatch.putMetricData(namespace: "AWS/EC2", data)
    }
}
