import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TocsinAWS
import TocsinTestServers

/// The response issue's AWS scenario, end to end through `tocsin serve` against moto and a
/// real SMTP server: a CPU spike on an EC2 instance is detected, the error logs around it in
/// CloudWatch Logs escalate the alert to critical, which is published to SNS and mailed once,
/// and the instance is rebooted; a second spike within the cooldown reboots nothing, and the
/// audit log shows plan, execution and verification.
@Suite("AWS response scenario against moto", .moto)
struct AWSResponseScenarioTests {
    static let region = "ap-southeast-2"

    /// Steady CPU utilization around 30 % with seeded noise in ±1.
    static func cpu(count: Int) -> [Double] {
        var state: UInt64 = 7
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return 30 + Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
    }

    /// Puts one-minute CPU `values` for `instance` from `start`.
    static func put(_ cloudWatch: CloudWatchClient, _ instance: String, from start: Date, _ values: [Double]) async throws {
        let data = values.enumerated().map { index, value in
            MetricDatum(metricName: "CPUUtilization", dimensions: [CloudWatchDimension("InstanceId", instance)],
                        timestamp: start.addingTimeInterval(Double(index) * 60), value: value, unit: .percent)
        }
        try await cloudWatch.putMetricData(namespace: "AWS/EC2", data)
    }

    /// The actions `GET /v1/actions` lists once `done` holds (or when `timeout` seconds pass).
    static func waitForActions(_ server: ServerProcess, timeout: TimeInterval, until done: ([Action]) -> Bool) async throws -> [Action] {
        var actions: [Action] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let (body, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(server.port)/v1/actions")!)
            actions = (try JSONDecoder().decode([String: [Action]].self, from: body))["actions"] ?? []
            if done(actions) { break }
            try await Task.sleep(for: .seconds(1))
        }
        return actions
    }

    struct Action: Decodable {
        struct Record: Decodable {
            let id: Int
            let policy: String
            let target: String
            let status: String
        }

        struct Entry: Decodable {
            let event: String
            let detail: String
        }

        let action: Record
        let audit: [Entry]
    }

    @Test("spike -> critical alert with the error logs -> one SNS message, one e-mail, one reboot; a second spike is held by the cooldown")
    func scenario() async throws {
        let moto = try MotoServer.shared()
        let configuration = moto.configuration(region: Self.region)
        let ec2 = try EC2Client(configuration: configuration)
        let cloudWatch = try CloudWatchClient(configuration: configuration)
        let logs = try CloudWatchLogsClient(configuration: configuration)
        let sns = try SNSClient(configuration: configuration)
        let instance = try await MotoFixtures.runInstance(ec2, tags: ["tocsin:monitor": "true", "Name": "web"])
        let subscriber = try await WebhookServer()
        let topic = try await MotoFixtures.topic(sns, name: "oncall", subscribing: subscriber.url("/sns"))
        let smtp = try await SMTPSink()

        // Four hours of one-minute CPU (detailed monitoring) ending with a spike in the last
        // complete minute, and the instance's logs: routine lines, then fatal and error lines
        // around the spike.
        let end = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60 - 60)
        var values = Self.cpu(count: 240)
        values[239] = 70
        try await Self.put(cloudWatch, instance, from: end.addingTimeInterval(-239 * 60), values)
        var events: [(timestamp: Date, message: String)] = stride(from: -7_200.0, to: -600, by: 60).map {
            (end.addingTimeInterval($0), "INFO GET /health 200 in \(Int(-$0) % 17) ms")
        }
        for second in stride(from: -240.0, to: 60, by: 20) {
            events.append((end.addingTimeInterval(second), "FATAL worker \(Int(second + 300)) out of memory, killed"))
            events.append((end.addingTimeInterval(second + 5), "ERROR upstream timeout after 30000 ms"))
        }
        try await MotoFixtures.putLogEvents(logs, group: "/app/web", stream: instance, events.sorted { $0.timestamp < $1.timestamp })

        // moto records every request from now on, the reboot included.
        var recording = URLRequest(url: moto.endpoint.appendingPathComponent("moto-api/recorder/start-recording"))
        recording.httpMethod = "POST"
        _ = try await URLSession.shared.data(for: recording)

        let folder = try TemporaryFolder()
        let config = try folder.write("tocsin.yaml", """
            store: sqlite:\(folder.url.path)/tocsin.sqlite
            aws: {region: \(Self.region), endpoint: "\(moto.endpoint.absoluteString)"}
            detection:
              incident_gap: 90s
              default: {detector: default, params: {probation: "100", restPeriod: "2"}}
            sources:
              - type: cloudwatch
                region: \(Self.region)
                endpoint: "\(moto.endpoint.absoluteString)"
                metrics: [{namespace: AWS/EC2, name: CPUUtilization, period: 1m}]
                lookback: 5h
                delay: 0s
                interval: 3s
            alerting:
              route: {receiver: oncall, group_by: [instance], group_wait: 1s, group_interval: 10m}
              receivers:
                - name: oncall
                  sns: {topic_arn: "\(topic)"}
                  email:
                    host: 127.0.0.1
                    port: \(smtp.port)
                    username: \(SMTPSink.user)
                    password: "${SMTP_PASSWORD}"
                    from: tocsin@example.com
                    to: [oncall@example.com]
                    ca_files: ["\(smtp.certificatePath ?? "")"]
                    server_name: localhost
              root_cause:
                cloudwatch_logs: {groups: [/app/web], pattern: "?ERROR ?FATAL"}
            remediation:
              execute: true
              allow: [\(instance)]
              policies:
                - {name: reboot-on-cpu, match: {alert: anomaly, name: CPUUtilization}, action: reboot_instance, cooldown: 30m, verify: 15s}
            """)
        let log = folder.url.appendingPathComponent("serve.log")
        let server = try ServerProcess(arguments: ["--config", config], environment: [
            "AWS_ACCESS_KEY_ID": "AKIDSCENARIO", "AWS_SECRET_ACCESS_KEY": "scenario-aws-secret", "AWS_EC2_METADATA_DISABLED": "true",
            "SMTP_PASSWORD": SMTPSink.password,
        ], errorLog: log)

        // The first spike: detected, escalated by its logs, notified, and the instance rebooted.
        var actions = try await Self.waitForActions(server, timeout: 120) { actions in
            actions.contains { $0.audit.contains { $0.event == "verified" } }
        }
        // The next minutes arrive live: quiet, then a second spike three minutes after the first.
        try await Self.put(cloudWatch, instance, from: end.addingTimeInterval(60), [30.5, 29.5, 99, 30, 29.8])
        actions = try await Self.waitForActions(server, timeout: 420) { $0.count >= 2 }
        try await Task.sleep(for: .seconds(3))
        let (alertsBody, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(server.port)/v1/alerts")!)
        server.stop()
        let serveLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""

        // Detected and escalated by the fatal logs around it.
        let alerts = try #require(try JSONSerialization.jsonObject(with: alertsBody) as? [String: [[String: Any]]])["alerts"] ?? []
        let critical = alerts.first { ($0["labels"] as? [String: String])?["instance"] == instance }
        #expect(critical?["severity"] as? String == "critical", "\(alerts)\n\(serveLog)")
        let rootCause = (critical?["annotations"] as? [String: String])?["root_cause"]
        #expect(rootCause?.contains("out of memory") == true, "\(rootCause ?? "no root cause")")
        // Published to SNS once (moto delivered it to the subscriber) and mailed once.
        let published = try await subscriber.received()
        #expect(published.count == 1, "\(published.map(\.body))")
        #expect(published.first?.body.contains(instance) == true)
        let mails = try smtp.messages()
        #expect(mails.count == 1)
        #expect(mails.first?.subject.contains("(critical)") == true)
        // Rebooted once: the first incident's action ran and was verified; the second was held by the cooldown.
        let byStatus = Dictionary(grouping: actions, by: \.action.status)
        #expect(actions.count == 2, "\(actions.map(\.action))")
        let executed = try #require(actions.first { $0.audit.contains { $0.event == "executed" } })
        #expect(executed.action.target == instance)
        #expect(executed.audit.map(\.event) == ["planned", "executed", "verified"])
        #expect(byStatus["skipped"]?.first?.audit.first?.detail.contains("cooling down") == true)
        let (recorded, _) = try await URLSession.shared.data(from: moto.endpoint.appendingPathComponent("moto-api/recorder/download-recording"))
        let reboots = String(decoding: recorded, as: UTF8.self).split(separator: "\n").filter { line in
            guard let entry = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let body = (entry["body"] as? String).flatMap({ Data(base64Encoded: $0) }) else { return false }
            let form = String(decoding: body, as: UTF8.self)
            return form.contains("Action=RebootInstances") && form.contains(instance)
        }.count
        #expect(reboots == 1, "moto recorded one RebootInstances")
        #expect(!serveLog.contains("scenario-aws-secret") && !serveLog.contains(SMTPSink.password))
    }
}
