import Foundation
import Testing
import TocsinAWS
import TocsinCloudWatch
import TocsinCore
import TocsinTestServers

extension AgainstMoto {
    @Suite("CloudWatchSource")
    struct CloudWatchSourceTests {
        @Test("tag discovery: only the instances tagged tocsin:monitor=true are read, each as a series labelled with its instance")
        func tagDiscovery() async throws {
            let moto = try MotoServer.shared()
            let configuration = moto.configuration(region: "us-west-1")
            let ec2 = try EC2Client(configuration: configuration)
            let cloudWatch = try CloudWatchClient(configuration: configuration)
            let web = try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "true", "Name": "web"])
            let api = try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "true"])
            let batch = try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "false"])
            let start = AgainstMoto.seriesStart()
            for instance in [web, api, batch] {
                try await AgainstMoto.putCPU(cloudWatch, instance: instance, from: start, (0..<12).map { Double($0) })
            }
            let source = try CloudWatchSource(settings: .init(lookback: 3 * 86_400), cloudWatch: cloudWatch, ec2: ec2)
            let points = try await source.pull(now: start.addingTimeInterval(12 * 300 + 60))
            let instances = Set(points.compactMap { $0.key["instance"] })
            #expect(instances == [web, api])
            #expect(points.count == 24)
            let webKey = SeriesKey(name: "CPUUtilization", labels: ["instance": web, "namespace": "AWS/EC2", "statistic": "Average"])
            #expect(points.filter { $0.key == webKey }.map(\.point.value) == (0..<12).map { Double($0) })
            #expect(source.produced(webKey))
            #expect(!source.produced(webKey.renamed("MemoryUtilization")))

            let byID = try CloudWatchSource(settings: .init(instances: .ids([batch]), lookback: 3 * 86_400), cloudWatch: cloudWatch, ec2: ec2)
            let batchPoints = try await byID.pull(now: start.addingTimeInterval(12 * 300 + 60))
            #expect(Set(batchPoints.map { $0.key["instance"] }) == [batch])
        }

        @Test("polling: successive pulls return every complete period once, none twice, whatever the overlap")
        func pollingWithoutGapsOrDuplicates() async throws {
            let moto = try MotoServer.shared()
            let configuration = moto.configuration(region: "us-west-2")
            let ec2 = try EC2Client(configuration: configuration)
            let cloudWatch = try CloudWatchClient(configuration: configuration)
            let first = try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "true"])
            let second = try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "true"])
            let start = AgainstMoto.seriesStart()
            // Periods 0-10 exist at the first pull; period 10 is not complete yet then.
            try await AgainstMoto.putCPU(cloudWatch, instance: first, from: start, (0...10).map { Double($0) })
            try await AgainstMoto.putCPU(cloudWatch, instance: second, from: start, (0...10).map { Double(100 + $0) })
            let source = try CloudWatchSource(settings: .init(lookback: 3 * 86_400, delay: 60), cloudWatch: cloudWatch, ec2: ec2)
            var pulled = try await source.pull(now: start.addingTimeInterval(11 * 300 - 100))
            #expect(pulled.count == 20, "periods 0-9 of each instance; period 10 ends after now minus the delay")
            // Later periods arrive; a pull inside the same period returns nothing new.
            try await AgainstMoto.putCPU(cloudWatch, instance: first, from: start.addingTimeInterval(11 * 300), (11...24).map { Double($0) })
            try await AgainstMoto.putCPU(cloudWatch, instance: second, from: start.addingTimeInterval(11 * 300), (11...24).map { Double(100 + $0) })
            pulled += try await source.pull(now: start.addingTimeInterval(25 * 300 + 61))
            pulled += try await source.pull(now: start.addingTimeInterval(25 * 300 + 200))
            for (instance, offset) in [(first, 0.0), (second, 100.0)] {
                let mine = pulled.filter { $0.key["instance"] == instance }
                #expect(mine.map(\.point.timestamp) == (0...24).map { start.addingTimeInterval(Double($0) * 300) })
                #expect(mine.map(\.point.value) == (0...24).map { Double($0) + offset })
            }
        }

        @Test("500 queries a call: 3 instances x 170 metrics take two GetMetricData calls, and every series keeps its data")
        func batchedQueries() async throws {
            let moto = try MotoServer.shared()
            let transport = RecordingHTTPTransport(forwardingTo: MotoServer.transport)
            let configuration = moto.configuration(region: "ca-central-1", transport: transport)
            let ec2 = try EC2Client(configuration: configuration)
            let cloudWatch = try CloudWatchClient(configuration: configuration)
            var instances: [String] = []
            for _ in 0..<3 { instances.append(try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "true"])) }
            let start = AgainstMoto.seriesStart()
            for (index, instance) in instances.enumerated() {
                try await AgainstMoto.putCPU(cloudWatch, instance: instance, from: start, [Double(index), Double(index) + 0.5])
            }
            let custom = (1..<170).map { CloudWatchMetricSpec(namespace: "App", name: "metric\($0)", perInstance: true) }
            let source = try CloudWatchSource(settings: .init(metrics: [.cpuUtilization()] + custom, lookback: 3 * 86_400),
                                              cloudWatch: cloudWatch, ec2: ec2)
            let before = await transport.operations.count
            let points = try await source.pull(now: start.addingTimeInterval(3 * 300))
            let operations = await transport.operations.dropFirst(before)
            #expect(operations.filter { $0 == "GetMetricData" }.count == 2)
            #expect(operations.filter { $0 == "DescribeInstances" }.count == 1)
            let queried = await transport.sent.dropFirst(before).filter { RecordingHTTPTransport.form($0)["Action"] == "GetMetricData" }
                .map { RecordingHTTPTransport.form($0).keys.filter { $0.hasSuffix(".Id") }.count }
            #expect(queried.sorted() == [10, 500])
            #expect(points.count == 6)
            for (index, instance) in instances.enumerated() {
                #expect(points.filter { $0.key["instance"] == instance }.map(\.point.value) == [Double(index), Double(index) + 0.5])
            }
        }

        @Test("history: fourteen days of five-minute data come back whole, oldest first")
        func fourteenDayHistory() async throws {
            let moto = try MotoServer.shared()
            let configuration = moto.configuration(region: "sa-east-1")
            let ec2 = try EC2Client(configuration: configuration)
            let cloudWatch = try CloudWatchClient(configuration: configuration)
            let instance = try await MotoFixtures.runInstance(ec2, tags: [:])
            let end = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 300).rounded(.down) * 300)
            let start = end.addingTimeInterval(-14 * 86_400)
            let values = (0..<(14 * 288)).map { 20 + 10 * sin(Double($0) * 2 * .pi / 288) }
            try await AgainstMoto.putCPU(cloudWatch, instance: instance, from: start, values)
            let source = try CloudWatchSource(settings: .init(instances: .ids([instance])), cloudWatch: cloudWatch, ec2: ec2)
            let series = CloudWatchSeries(spec: .cpuUtilization(), instance: instance)
            let history = try await source.history(of: [series], from: start, to: end)
            let points = try #require(history[series])
            #expect(points.count == 4_032)
            #expect(points.first?.timestamp == start)
            #expect(zip(points, points.dropFirst()).allSatisfy { $1.timestamp.timeIntervalSince($0.timestamp) == 300 })
            #expect(zip(points.map(\.value), values).allSatisfy { abs($0 - $1) < 1e-9 })
        }
    }
}
