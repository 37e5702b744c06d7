import ArgumentParser
import Foundation
import TocsinAWS
import TocsinCloudWatch
import TocsinCore

/// `tocsin train --source cloudwatch`: which CloudWatch history to learn from.
struct CloudWatchTrainingOptions: ParsableArguments {
    @Option(name: .customLong("instance-id"), help: "With --source cloudwatch: the EC2 instance whose metric to learn.")
    var instanceID: String?

    @Option(help: "With --source cloudwatch: days of history, up to 15 (default 14).")
    var days: Int = 14

    @Option(help: "With --source cloudwatch: the metric (default CPUUtilization).")
    var metric: String = "CPUUtilization"

    @Option(help: "With --source cloudwatch: its namespace (default AWS/EC2).")
    var namespace: String = "AWS/EC2"

    @Option(help: "With --source cloudwatch: the statistic (default Average).")
    var statistic: String = "Average"

    @Option(help: "With --source cloudwatch: seconds per data point (default 300).")
    var period: Int = 300

    @Option(help: "The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's).")
    var region: String?

    @Option(help: "The AWS shared-config profile (default: AWS_PROFILE or default).")
    var profile: String?

    @Option(help: "Send AWS requests to this URL instead (an emulator or a VPC endpoint).")
    var endpoint: String?

    /// The complete periods of the last `days` days of the instance's metric, oldest first.
    func history(now: Date = Date()) async throws(CLIFailure) -> (series: CloudWatchSeries, points: [Point]) {
        guard let instanceID else { throw .usage("--source cloudwatch needs --instance-id ID") }
        guard (1...15).contains(days) else { throw .usage("--days must be 1 to 15, got \(days)") }
        let spec = CloudWatchMetricSpec(namespace: namespace, name: metric, statistic: statistic, period: period, perInstance: true)
        if let problem = spec.problem { throw .usage(problem) }
        let configuration = try AWSAccess.configuration(region: region, profile: profile, endpoint: endpoint, what: "cloudwatch")
        let (cloudWatch, ec2) = try AWSAccess.clients(configuration, what: "cloudwatch")
        let series = CloudWatchSeries(spec: spec, instance: instanceID)
        do {
            let source = try CloudWatchSource(settings: .init(instances: .ids([instanceID]), metrics: [spec]), cloudWatch: cloudWatch, ec2: ec2)
            let history = try await source.history(of: [series], from: now.addingTimeInterval(-Double(days) * 86_400), to: now)
            let complete = (history[series] ?? []).filter { $0.timestamp.addingTimeInterval(Double(period)) <= now }
            guard !complete.isEmpty else {
                throw CLIFailure.data("CloudWatch has no \(namespace) \(metric) data for \(instanceID) in the last \(days) days (region \(configuration.region))")
            }
            return (series, complete)
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw .data("cloudwatch: \(error)")
        }
    }
}
