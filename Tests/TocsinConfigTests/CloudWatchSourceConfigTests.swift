import Foundation
import Testing
import TocsinConfig
import TocsinDetect

@Suite("cloudwatch source and model rules in tocsin.yaml")
struct CloudWatchSourceConfigTests {
    @Test("reads region, endpoint, tags, metrics, schedule and score publishing")
    func reads() throws {
        let configuration = try ConfigurationLoader.parse("""
        sources:
          - type: cloudwatch
            region: eu-west-1
            profile: prod
            endpoint: http://127.0.0.1:5000
            tags: {team: payments, "tocsin:monitor": "true"}
            interval: 1m
            lookback: 14d
            delay: 2m
            publish_scores: true
            metrics:
              - {namespace: AWS/EC2, name: CPUUtilization, statistic: Maximum, period: 1m}
              - {namespace: AWS/ApplicationELB, name: TargetResponseTime, statistic: p99, dimensions: {LoadBalancer: app/web/1}}
          - {type: cloudwatch, instances: [i-0abc, i-0def], publish_scores: true, publish_namespace: Ops}
          - {type: cloudwatch}
        """, environment: [:])
        let sources = configuration.sources.compactMap { source -> TocsinConfiguration.CloudWatchSource? in
            if case .cloudWatch(let settings) = source { return settings }
            return nil
        }
        try #require(sources.count == 3)
        let first = sources[0]
        #expect(first.region == "eu-west-1" && first.profile == "prod" && first.endpoint == "http://127.0.0.1:5000")
        #expect(first.tags == ["team": "payments", "tocsin:monitor": "true"] && first.instanceIDs.isEmpty)
        #expect(first.interval == 60 && first.lookback == 14 * 86_400 && first.delay == 120 && first.publishNamespace == "Tocsin")
        #expect(first.metrics.map(\.name) == ["CPUUtilization", "TargetResponseTime"])
        #expect(first.metrics.map(\.perInstance) == [true, false])
        #expect(first.metrics.map(\.period) == [60, 300] && first.metrics.map(\.statistic) == ["Maximum", "p99"])
        #expect(first.metrics[1].dimensions == ["LoadBalancer": "app/web/1"])
        #expect(sources[1].instanceIDs == ["i-0abc", "i-0def"] && sources[1].publishNamespace == "Ops")
        #expect(sources[2].tags == ["tocsin:monitor": "true"] && sources[2].metrics.isEmpty && sources[2].publishNamespace == nil)
        #expect(sources[2].interval == 300 && sources[2].lookback == 3 * 3_600)
    }

    @Test("bad ids, ids with tags, a bad period, a bad endpoint and a missing metric name are reported on their lines")
    func problems() {
        let text = """
        sources:
          - {type: cloudwatch, instances: [web-1], endpoint: "ftp://x"}
          - {type: cloudwatch, instances: [i-1], tags: {a: b}}
          - {type: cloudwatch, metrics: [{namespace: AWS/EC2, name: CPUUtilization, period: 90s}, {namespace: App}]}
          - {type: cloudwatch, lookback: 30d, publish_namespace: Ops}
        """
        do {
            _ = try ConfigurationLoader.parse(text, environment: [:])
            Issue.record("accepted \(text)")
        } catch {
            let lines = error.diagnostics.map { "\($0.line) \($0.message)" }
            #expect(lines.contains { $0.hasPrefix("2 ") && $0.contains("\"web-1\" is not an EC2 instance id") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("2 ") && $0.contains("http:// or https://") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("3 ") && $0.contains("either by id") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("4 ") && $0.contains("whole number of minutes") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("4 ") && $0.contains("needs namespace and name") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("5 ") && $0.contains("at most 15d") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("5 ") && $0.contains("needs publish_scores: true") }, "\(lines)")
        }
    }

    @Test("a rule's model: PATH, relative to the file, sets its detector; a wrong name or unreadable file is reported")
    func modelRules() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tocsin-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var detector = try DetectorCatalog.streaming(named: "windowed-gaussian").make(parameters: [:])
        for index in 0..<100 { detector.learn(.init(epochSeconds: Double(index), value: Double(index % 7))) }
        try DetectorCatalog.save(detector, threshold: detector.defaultThreshold).write(to: folder.appendingPathComponent("cpu.json"))
        let configuration = try ConfigurationLoader.parse("""
        detection:
          rules:
            - {match: {name: CPUUtilization}, model: cpu.json}
        """, folder: folder.path, environment: [:])
        let rule = try #require(configuration.detection.rules.first)
        #expect(rule.detector == "windowed-gaussian")
        let trained = try #require(rule.trained)
        #expect(try DetectorCatalog.save(trained, threshold: 0) == DetectorCatalog.save(detector, threshold: 0), "the trained state, not a new one")

        do {
            _ = try ConfigurationLoader.parse("""
            detection:
              rules:
                - {match: {name: a}, model: cpu.json, detector: ewma}
                - {match: {name: b}, model: missing.json}
            """, folder: folder.path, environment: [:])
            Issue.record("accepted a wrong detector and a missing model")
        } catch {
            let lines = error.diagnostics.map { "\($0.line) \($0.message)" }
            #expect(lines.contains { $0.hasPrefix("3 ") && $0.contains("the model is a windowed-gaussian, not a ewma") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("4 ") && $0.contains("cannot read the model") }, "\(lines)")
        }
    }
}
