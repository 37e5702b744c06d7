import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TocsinAWS
import TocsinTestServers

/// `tocsin train --source cloudwatch` and `tocsin serve` with a cloudwatch source, against
/// moto: the end-to-end acceptance.
@Suite("CloudWatch train and serve against moto", .moto)
struct CloudWatchServeTests {
    static let region = "eu-north-1"
    static let environment = ["AWS_ACCESS_KEY_ID": "AKIDMOTOCLI", "AWS_SECRET_ACCESS_KEY": "moto-cli-secret",
                              "AWS_EC2_METADATA_DISABLED": "true", "AWS_REGION": "", "AWS_DEFAULT_REGION": ""]

    /// Five-minute CPU utilization with a daily cycle and seeded noise in ±1.
    static func cpu(days: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<(days * 288)).map { index in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Double(state >> 11) / Double(1 << 53) * 2 - 1
            return 30 + 10 * sin(Double(index) * 2 * .pi / 288) + noise
        }
    }

    static func put(_ cloudWatch: CloudWatchClient, _ instance: String, from start: Date, _ values: [Double]) async throws {
        let data = values.enumerated().map { index, value in
            MetricDatum(metricName: "CPUUtilization", dimensions: [CloudWatchDimension("InstanceId", instance)],
                        timestamp: start.addingTimeInterval(Double(index) * 300), value: value, unit: .percent)
        }
        try await cloudWatch.putMetricData(namespace: "AWS/EC2", data)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("three instances, two tagged, 14 days of CPU with a spike: train, then serve finds the tagged two, flags the spike and publishes scores")
    func trainThenServe() async throws {
        let moto = try MotoServer.shared()
        let configuration = moto.configuration(region: Self.region)
        let ec2 = try EC2Client(configuration: configuration)
        let cloudWatch = try CloudWatchClient(configuration: configuration)
        let web = try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "true", "Name": "web"])
        let api = try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "true", "Name": "api"])
        let batch = try await MotoFixtures.runInstance(ec2, tags: ["Name": "batch"])
        let end = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 300).rounded(.down) * 300)
        let start = end.addingTimeInterval(-14 * 86_400)
        var apiValues = Self.cpu(days: 14, seed: 2)
        let spikeIndex = apiValues.count - 72
        apiValues[spikeIndex] = 95
        apiValues[spikeIndex + 1] = 93
        let spike = start.addingTimeInterval(Double(spikeIndex) * 300)
        try await Self.put(cloudWatch, web, from: start, Self.cpu(days: 14, seed: 1))
        try await Self.put(cloudWatch, api, from: start, apiValues)
        try await Self.put(cloudWatch, batch, from: start, Self.cpu(days: 14, seed: 3).map { $0 + 40 })

        let folder = try TemporaryFolder()
        let model = folder.url.appendingPathComponent("web-cpu.json").path
        let trained = try CLIProcess.run(["train", "--source", "cloudwatch", "--instance-id", web, "--days", "14", "--detector", "default",
                                          "--region", Self.region, "--endpoint", moto.endpoint.absoluteString, "--out", model, "--json"],
                                         environment: Self.environment)
        #expect(trained.status == 0, "\(trained.standardError)")
        let summary = try Self.json(trained.standardOutput)
        // The last 14 days end when train runs: a 5-minute boundary passed since the data was put drops the oldest point.
        #expect((14 * 288 - 2...14 * 288).contains(summary["rows"] as? Int ?? 0))
        #expect(summary["detector"] as? String == "default")

        let config = try folder.write("tocsin.yaml", """
            store: sqlite:\(folder.url.path)/tocsin.sqlite
            detection:
              rules:
                - match: {name: CPUUtilization}
                  model: web-cpu.json
            sources:
              - type: cloudwatch
                region: \(Self.region)
                endpoint: \(moto.endpoint.absoluteString)
                tags: {"tocsin:monitor": "true"}
                lookback: 1d
                interval: 5s
                publish_scores: true
            """)
        let server = try ServerProcess(arguments: ["--config", config], environment: Self.environment,
                                       errorLog: folder.url.appendingPathComponent("serve.log"))
        var series: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline {
            series = try await server.get("/v1/series")["series"] as? [[String: Any]] ?? []
            let counts = try await series.asyncMap { item in
                let id = item["id"] as? Int ?? 0
                return (try await server.get("/v1/series/\(id)/points?from=\(Int(start.timeIntervalSince1970))&limit=10000")["points"] as? [Any])?.count ?? 0
            }
            if counts.count == 2, counts.allSatisfy({ $0 >= 288 }) { break }
            try await Task.sleep(for: .seconds(1))
        }
        let instances = Set(series.compactMap { ($0["labels"] as? [String: String])?["instance"] })
        #expect(instances == [web, api], "only the tagged instances are watched")
        try await Task.sleep(for: .seconds(2))
        let anomalies = try await server.get("/v1/anomalies?from=\(Int(start.timeIntervalSince1970))&limit=10000")["anomalies"] as? [[String: Any]] ?? []
        server.stop()
        let onAPI = anomalies.filter { ($0["key"] as? String)?.contains(api) == true }
        let times = onAPI.compactMap { ($0["timestamp"] as? String).flatMap(Self.date) }
        #expect(onAPI.contains { $0["value"] as? Double == 95 }, "the spike is flagged: \(onAPI)")
        #expect(times.allSatisfy { $0 >= spike && $0 < spike.addingTimeInterval(3_600) }, "api anomalies only at the spike: \(times)")
        #expect(!anomalies.contains { ($0["key"] as? String)?.contains(web) == true }, "web is quiet")
        #expect(!anomalies.contains { ($0["key"] as? String)?.contains(batch) == true })

        let published = CloudWatchMetric(namespace: "Tocsin", name: "AnomalyScore",
                                         dimensions: [CloudWatchDimension("InstanceId", api), CloudWatchDimension("Metric", "CPUUtilization")])
        let scores = try await cloudWatch.getMetricData([MetricDataQuery(id: "s", metric: published, period: 300, stat: "Maximum")],
                                                        from: end.addingTimeInterval(-86_400), to: end)
        let values = scores.first?.values ?? []
        #expect(values.count >= 280, "one published score per five minutes of the last day")
        let spikeScore = zip(scores.first?.timestamps ?? [], values).first { $0.0 == spike }?.1
        #expect((spikeScore ?? 0) > 0.5, "the spike's published score")
    }

    /// `timestamp` as the API writes it (ISO 8601, fractional seconds or not).
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

extension Array {
    /// `transform` applied to each element in order, awaiting each.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
