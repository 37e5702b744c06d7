import Foundation
import Testing
import TocsinAWS
import TocsinCloudWatch
import TocsinCore
import TocsinStore
import TocsinTestServers

extension AgainstMoto {
    @Suite("CloudWatchScorePublisher")
    struct CloudWatchScorePublisherTests {
        static let cpu = SeriesKey(name: "CPUUtilization", labels: ["instance": "i-0abc", "namespace": "AWS/EC2", "statistic": "Average"])
        static let other = SeriesKey(name: "latency", labels: ["service": "api"])

        static func scores(_ key: SeriesKey, from start: Date, _ values: [Double]) -> [(key: SeriesKey, record: ScoreRecord)] {
            values.enumerated().map { index, value in
                (key, ScoreRecord(series: 1, timestamp: start.addingTimeInterval(Double(index) * 300), score: value, threshold: 0.5,
                                  detector: "default"))
            }
        }

        @Test("scores of the chosen series land in namespace Tocsin as AnomalyScore at their points' times; a failed send is retried")
        func publishesAndRetries() async throws {
            let moto = try MotoServer.shared()
            // The first PutMetricData fails as if the network dropped; later requests reach moto.
            let transport = RecordingHTTPTransport { (request, index) throws(AWSError) in
                if index == 0 { throw AWSError(.connectionLost, "connection reset by peer") }
                return try await MotoServer.transport.send(request)
            }
            let cloudWatch = try CloudWatchClient(configuration: moto.configuration(region: "ap-south-1", transport: transport))
            let publisher = CloudWatchScorePublisher(cloudWatch: cloudWatch) { $0.name == "CPUUtilization" }
            let start = AgainstMoto.seriesStart()
            publisher.scored(Self.scores(Self.cpu, from: start, [0.1, 0.2, 0.9]) + Self.scores(Self.other, from: start, [0.7]))
            await publisher.flush()
            #expect(await transport.operations == ["PutMetricData"])
            await publisher.flush()
            #expect(await transport.operations == ["PutMetricData", "PutMetricData"])

            let metric = CloudWatchMetric(namespace: "Tocsin", name: "AnomalyScore",
                                          dimensions: [CloudWatchDimension("InstanceId", "i-0abc"), CloudWatchDimension("Metric", "CPUUtilization")])
            let read = try await cloudWatch.getMetricData([MetricDataQuery(id: "score", metric: metric, period: 300, stat: "Maximum")],
                                                          from: start, to: start.addingTimeInterval(3_600))
            #expect(read.first?.values == [0.1, 0.2, 0.9])
            #expect(read.first?.timestamps == (0..<3).map { start.addingTimeInterval(Double($0) * 300) })
            let puts = await transport.sent.filter { RecordingHTTPTransport.form($0)["Action"] == "PutMetricData" }
            let sent = RecordingHTTPTransport.form(try #require(puts.last))
            #expect(sent["MetricData.member.4.MetricName"] == nil, "latency is not a chosen series")
            #expect(sent["MetricData.member.1.Unit"] == "None")
        }

        @Test("dimensions: Metric and the labels, instance as InstanceId, without namespace and statistic, sorted")
        func dimensions() {
            let key = SeriesKey(name: "CPUUtilization", labels: ["instance": "i-1", "namespace": "AWS/EC2", "statistic": "Average", "AutoScalingGroupName": "web"])
            let dimensions = CloudWatchScorePublisher.dimensions(of: key)
            #expect(dimensions == [CloudWatchDimension("AutoScalingGroupName", "web"), CloudWatchDimension("InstanceId", "i-1"),
                                  CloudWatchDimension("Metric", "CPUUtilization")])
        }
    }
}
