import Foundation
import Testing
import TocsinAWS
import TocsinTestServers

extension AgainstMoto {
    @Suite("CloudWatchClient")
    struct CloudWatchClientTests {
        static let namespace = "Tocsin/Test"
        static let instances = ["i-0aaaaaaaaaaaaaaaa", "i-0bbbbbbbbbbbbbbbb"]

        /// The minute-aligned start of `count` one-minute points that end ten minutes ago.
        static func start(count: Int) -> Date {
            let now = Date().timeIntervalSince1970
            return Date(timeIntervalSince1970: (now / 60).rounded(.down) * 60 - Double(count + 10) * 60)
        }

        /// CPUUtilization of `instance` at minute `minute`.
        static func cpu(_ instance: Int, _ minute: Int) -> Double {
            instance == 0 ? Double(minute % 100) + 0.25 : 100 - Double(minute % 50) * 1.5
        }

        static func cpuMetric(_ instance: Int) -> CloudWatchMetric {
            CloudWatchMetric(namespace: namespace, name: "CPUUtilization", dimensions: [CloudWatchDimension("InstanceId", instances[instance])])
        }

        /// `count` one-minute CPUUtilization points per instance from `start`.
        static func cpuData(count: Int, from start: Date) -> [MetricDatum] {
            (0..<2).flatMap { instance in
                (0..<count).map { minute in
                    MetricDatum(
                        metricName: "CPUUtilization", dimensions: [CloudWatchDimension("InstanceId", instances[instance])],
                        timestamp: start.addingTimeInterval(Double(minute) * 60), value: cpu(instance, minute), unit: .percent
                    )
                }
            }
        }

        @Test("PutMetricData of 300 points for each of two instances, then GetMetricData returns every value at its timestamp")
        func putThenGet() async throws {
            let moto = try MotoServer.shared()
            let transport = RecordingHTTPTransport(forwardingTo: MotoServer.transport)
            let cloudWatch = try CloudWatchClient(configuration: moto.configuration(region: "us-west-1", transport: transport))
            let count = 300
            let start = Self.start(count: count)
            try await cloudWatch.putMetricData(namespace: Self.namespace, Self.cpuData(count: count, from: start))
            #expect(await transport.operations == ["PutMetricData"])

            let queries = (0..<2).map { MetricDataQuery(id: "cpu\($0)", metric: Self.cpuMetric($0), period: 60, stat: "Average") }
            let results = try await cloudWatch.getMetricData(queries, from: start, to: start.addingTimeInterval(Double(count) * 60))
            #expect(results.map(\.id) == ["cpu0", "cpu1"])
            for (instance, result) in results.enumerated() {
                #expect(result.statusCode == "Complete")
                #expect(result.timestamps == (0..<count).map { start.addingTimeInterval(Double($0) * 60) })
                #expect(result.values == (0..<count).map { Self.cpu(instance, $0) })
            }
        }

        @Test("GetMetricData sends 501 queries as 500 + 1 and returns all 501 results in order")
        func manyQueries() async throws {
            let moto = try MotoServer.shared()
            let transport = RecordingHTTPTransport(forwardingTo: MotoServer.transport)
            let cloudWatch = try CloudWatchClient(configuration: moto.configuration(region: "us-west-2", transport: transport))
            let start = Self.start(count: 10)
            try await cloudWatch.putMetricData(namespace: Self.namespace, Self.cpuData(count: 10, from: start))

            let queries = (0...500).map { index in
                MetricDataQuery(id: "q\(index)", metric: Self.cpuMetric(index % 2), period: 3600, stat: "Sum", label: "query \(index)")
            }
            let results = try await cloudWatch.getMetricData(queries, from: start, to: start.addingTimeInterval(600))
            #expect(await transport.operations == ["PutMetricData", "GetMetricData", "GetMetricData"])
            let bodies = await transport.sent.map(RecordingHTTPTransport.form)
            #expect(bodies[1]["MetricDataQueries.member.500.Id"] == "q499" && bodies[1]["MetricDataQueries.member.501.Id"] == nil)
            #expect(bodies[2]["MetricDataQueries.member.1.Id"] == "q500")
            #expect(results.map(\.id) == queries.map(\.id))
            #expect(results.map(\.label) == queries.map { $0.label ?? "" })
            let sums = (0..<2).map { instance in (0..<10).map { Self.cpu(instance, $0) }.reduce(0, +) }
            for (index, result) in results.enumerated() {
                #expect(result.values.count == 1)
                #expect(abs((result.values.first ?? 0) - sums[index % 2]) < 1e-9)
            }
        }

        @Test("ListMetrics finds the instances' metrics by dimension, and follows NextToken past 500 metrics")
        func listMetrics() async throws {
            let moto = try MotoServer.shared()
            let transport = RecordingHTTPTransport(forwardingTo: MotoServer.transport)
            let cloudWatch = try CloudWatchClient(configuration: moto.configuration(region: "ap-southeast-1", transport: transport))
            let start = Self.start(count: 3)
            let series = (0..<510).map { index in
                MetricDatum(metricName: "Score", dimensions: [CloudWatchDimension("Series", "s\(index)")], timestamp: start, value: Double(index))
            }
            try await cloudWatch.putMetricData(namespace: Self.namespace, Self.cpuData(count: 3, from: start) + series)

            let cpu = try await cloudWatch.listMetrics(namespace: Self.namespace, metricName: "CPUUtilization")
            #expect(Set(cpu) == [Self.cpuMetric(0), Self.cpuMetric(1)])
            let one = try await cloudWatch.listMetrics(
                namespace: Self.namespace, metricName: "CPUUtilization", dimensions: [.init("InstanceId", Self.instances[1])]
            )
            #expect(one == [Self.cpuMetric(1)])

            let before = await transport.sent.count
            let scores = try await cloudWatch.listMetrics(namespace: Self.namespace, metricName: "Score")
            #expect(await transport.sent.count - before == 2, "two pages")
            #expect(Set(scores.compactMap(\.dimensions.first?.value)) == Set((0..<510).map { "s\($0)" }))
            #expect(scores.count == 510)
        }
    }
}
