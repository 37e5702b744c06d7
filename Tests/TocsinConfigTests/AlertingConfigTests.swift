import Foundation
import Testing
import TocsinConfig
import TocsinResponse

@Suite("rules, alerting and remediation in tocsin.yaml")
struct AlertingConfigTests {
    @Test("rules, routes, receivers with every sink, AWS defaults and remediation are read")
    func reads() throws {
        let configuration = try ConfigurationLoader.parse("""
        aws: {region: eu-west-1, endpoint: "http://127.0.0.1:5000"}
        rules:
          - {name: high_cpu, severity: critical, metric: {match: {name: cpu_utilization}, above: 90, for: 5m}}
          - {name: brute_force, severity: critical, log_burst: {match: {fields: {event: auth_failure}}, group_by: [source_ip], count: 10, window: 1m}}
          - {name: error_rate, log_ratio: {match: {level: error}, ratio: 0.05, min_events: 20, window: 5m}}
        alerting:
          resolve_timeout: 2h
          flapping: {window: 15m, hold_down: 5m}
          route:
            receiver: chat
            group_by: [service]
            group_wait: 10s
            routes:
              - {match: {severity: critical}, receiver: pager, continue: true}
              - {match_re: {service: "check.*"}, receiver: chat, group_by: ["..."]}
          receivers:
            - {name: chat, slack: {url: "https://hooks.example.com/services/T/B/X"}, console: true}
            - name: pager
              webhook: {url: "https://pager.example.com/hook", token: "${HOOK_TOKEN}"}
              alertmanager: {url: "http://127.0.0.1:9093"}
              sns: {topic_arn: "arn:aws:sns:eu-west-1:123456789012:oncall"}
              email: {host: smtp.gmail.com, username: me@example.com, password: "${SMTP_PASSWORD}", from: me@example.com, to: [oncall@example.com]}
          root_cause: {baseline: 30m, window: 2m, cloudwatch_logs: {groups: [/app/web], pattern: "?ERROR"}}
        remediation:
          execute: true
          allow: [i-0abc*]
          policies:
            - {name: reboot, match: {alert: anomaly, name: cpu_utilization}, action: reboot_instance, cooldown: 30m, approval: true, verify: 5m}
        """, environment: ["HOOK_TOKEN": "t0k3n", "SMTP_PASSWORD": "app-password"])
        #expect(configuration.aws.region == "eu-west-1" && configuration.aws.endpoint == "http://127.0.0.1:5000")
        #expect(configuration.rules.metric.first?.above == 90 && configuration.rules.metric.first?.holdFor == 300)
        #expect(configuration.rules.logBurst.first?.groupBy == ["source_ip"] && configuration.rules.logBurst.first?.count == 10)
        #expect(configuration.rules.logRatio.first?.ratio == 0.05 && configuration.rules.logRatio.first?.severity == "warning")
        let alerting = configuration.alerting
        #expect(alerting.resolveTimeout == 7_200 && alerting.flapping.window == 900 && alerting.flapping.holdDown == 300)
        #expect(alerting.route.receiver == "chat" && alerting.route.groupBy == .labels(["service"]) && alerting.route.groupWait == 10)
        #expect(alerting.route.routes.count == 2 && alerting.route.routes[0].continueMatching)
        #expect(alerting.route.routes[0].matchers == [.equal("severity", "critical")])
        #expect(alerting.route.routes[1].groupBy == .allLabels)
        let pager = try #require(alerting.receivers.first { $0.name == "pager" })
        #expect(pager.webhook?.token == "t0k3n" && pager.alertmanager == "http://127.0.0.1:9093")
        #expect(pager.snsTopic == "arn:aws:sns:eu-west-1:123456789012:oncall" && pager.email?.password == "app-password")
        #expect(alerting.rootCause.baselineDuration == 1_800 && alerting.rootCause.windowRadius == 120)
        #expect(alerting.cloudWatchLogGroups == ["/app/web"] && alerting.cloudWatchLogPattern == "?ERROR")
        #expect(configuration.remediation.execute && configuration.remediation.allow == ["i-0abc*"])
        let policy = try #require(configuration.remediation.policies.first)
        #expect(policy.alert == "anomaly" && policy.approval && policy.verifyWithin == 300)
    }

    @Test("unknown receivers, sinkless receivers, bad severities, rules without a kind and execution without an allow-list are reported")
    func problems() {
        let text = """
        rules:
          - {name: a, severity: urgent, metric: {above: 1}}
          - {name: b}
        alerting:
          route: {receiver: nobody}
          receivers:
            - {name: empty}
        remediation:
          execute: true
        """
        do {
            _ = try ConfigurationLoader.parse(text, environment: [:])
            Issue.record("accepted \(text)")
        } catch {
            let lines = error.diagnostics.map { "\($0.line) \($0.message)" }
            #expect(lines.contains { $0.hasPrefix("2 ") && $0.contains("severity is info, warning or critical") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("3 ") && $0.contains("exactly one of metric, log_burst or log_ratio") }, "\(lines)")
            #expect(lines.contains { $0.contains("route receiver \"nobody\" is not among the receivers") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("7 ") && $0.contains("has no sink") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("9 ") && $0.contains("needs allow") }, "\(lines)")
        }
    }
}
