import Foundation
import Testing
import TocsinConfig
import TocsinPipeline
import TocsinResponse

@Suite("Configuration loader")
struct ConfigurationLoaderTests {
    static let valid = """
    server:
      host: 0.0.0.0
      port: 9090
      tokens: ["${TOKEN}", "${OTHER:-spare}"]
      max_series: 500
    store: postgres://tocsin:${PGPASSWORD}@127.0.0.1:5432/tocsin
    retention: {keep: 7d, every: 30m}
    detection:
      incident_gap: 5m
      default: {detector: windowed-gaussian, params: {windowSize: 500}}
      rules:
        - match: {name: cpu_utilization, labels: {service: api}}
          detector: context-regression
          context: request_rate
          params: {zThreshold: 5, direction: both}
          consecutive: 3
        - match: {name: request_rate}
          detector: threshold
          alert: false
    sources:
      - {type: synthetic, seed: 7, services: [web, db], instances_per_service: 3, ticks: 2000, interval: 250ms}
      - {type: csv, path: /tmp/cpu.csv, series: cpu, labels: {host: a}}
    """

    @Test("every section is read, with environment variables substituted")
    func readsEverything() throws {
        let configuration = try ConfigurationLoader.parse(Self.valid, environment: ["TOKEN": "s3cret", "PGPASSWORD": "pw"])
        #expect(configuration.server.host == "0.0.0.0")
        #expect(configuration.server.port == 9090)
        #expect(configuration.server.tokens == ["s3cret", "spare"])
        #expect(configuration.server.maxSeries == 500)
        #expect(configuration.store == "postgres://tocsin:pw@127.0.0.1:5432/tocsin")
        #expect(configuration.retention == .init(keep: 7 * 86_400, every: 1_800))
        #expect(configuration.detection.incidentGap == 300)
        #expect(configuration.detection.fallback?.detector == "windowed-gaussian")
        #expect(configuration.detection.fallback?.parameters == ["windowSize": "500"])
        let rules = configuration.detection.rules
        #expect(rules.count == 2)
        #expect(rules[0].name == "cpu_utilization" && rules[0].labels == ["service": "api"])
        #expect(rules[0].context == "request_rate" && rules[0].consecutive == 3 && rules[0].alert)
        #expect(rules[0].parameters == ["zThreshold": "5", "direction": "both"])
        #expect(rules[1].alert == false)
        #expect(configuration.sources.count == 2)
        guard case .synthetic(let synthetic) = configuration.sources[0], case .csv(let csv) = configuration.sources[1] else {
            Issue.record("sources \(configuration.sources)")
            return
        }
        #expect(synthetic.seed == 7 && synthetic.services == ["web", "db"] && synthetic.instancesPerService == 3)
        #expect(synthetic.ticks == 2_000 && synthetic.interval == 0.25)
        #expect(csv.path == "/tmp/cpu.csv" && csv.series == "cpu" && csv.labels == ["host": "a"] && csv.interval == 300)
    }

    @Test("remediation policies are read, and execution is refused until it exists")
    func remediation() throws {
        let configuration = try ConfigurationLoader.parse("""
        remediation:
          max_actions_per_hour: 4
          policies:
            - {name: cpu, match: {name: cpu_utilization, labels: {service: api}}, action: reboot_instance, cooldown: 15m}
            - {name: hook, action: webhook, url: "${HOOK}"}
            - {name: script, action: command, command: [/usr/local/bin/restart, --force]}
        """, environment: ["HOOK": "https://hooks.example.com/t"])
        let policies = configuration.remediation.policies
        #expect(configuration.remediation.maximumPerHour == 4)
        #expect(policies.map(\.name) == ["cpu", "hook", "script"])
        #expect(policies[0].series == "cpu_utilization" && policies[0].labels == ["service": "api"] && policies[0].cooldown == 900)
        #expect(policies[0].action == .rebootInstance)
        #expect(policies[1].action == .webhook(url: "https://hooks.example.com/t") && policies[1].cooldown == 1_800)
        #expect(policies[2].action == .command(arguments: ["/usr/local/bin/restart", "--force"]))

        let problems = Self.problems("""
        remediation:
          execute: true
          policies:
            - {name: a, action: teleport}
            - {name: b, action: webhook}
            - {name: c, action: reboot_instance}
            - {name: c, action: reboot_instance}
        """)
        #expect(problems.map(\.path) == ["remediation.execute", "remediation.policies[0].action", "remediation.policies[1]",
                                          "remediation.policies[3]"], "\(problems)")
    }

    @Test("an empty file is an empty configuration")
    func emptyFile() throws {
        let configuration = try ConfigurationLoader.parse("")
        #expect(configuration.sources.isEmpty && configuration.store == nil && configuration.detection.rules.isEmpty)
    }

    /// The problems of a file, as `line:column: path: message`.
    static func problems(_ text: String, environment: [String: String] = [:]) -> [ConfigDiagnostic] {
        do {
            _ = try ConfigurationLoader.parse(text, environment: environment)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("every problem is reported with its line, column and setting")
    func reportsAllProblems() {
        let text = """
        server:
          hots: 0.0.0.0
          port: 99999
        retention:
          keep: forever
        detection:
          default:
            detector: isolation-forst
          rules:
            - match: {name: cpu}
              detector: windowed-gaussian
              context: request_rate
            - match: {name: mem}
              detector: context-regression
              params: {zThreshold: -1}
              consecutive: 0
        sources:
          - {type: csv, path: "${MISSING}", series: x}
          - {type: kafka}
        """
        let found = Self.problems(text)
        let summary = found.map { "\($0.line):\($0.column) \($0.path)" }
        #expect(summary == [
            "2:3 server.hots", "3:9 server.port", "5:9 retention.keep", "8:15 detection.default.detector",
            "12:16 detection.rules[0].context", "15:15 detection.rules[1].params", "16:20 detection.rules[1].consecutive",
            "18:23 sources[0].path", "19:12 sources[1].type",
        ], "\(found.map(\.description).joined(separator: "\n"))")
        #expect(found[0].message.contains("did you mean \"host\""))
        #expect(found[3].message.contains("unknown detector \"isolation-forst\""))
        #expect(found[5].message.contains("zThreshold"))
        #expect(found[7].message.contains("MISSING"))
    }

    @Test("YAML syntax errors and wrong shapes name their line")
    func syntaxAndShapes() {
        let syntax = Self.problems("server:\n  port: [1\n")
        #expect(syntax.count == 1 && syntax[0].line == 3 && syntax[0].message.hasPrefix("invalid YAML"))
        let shape = Self.problems("detection:\n  rules: {detector: threshold}\n")
        #expect(shape.map(\.path) == ["detection.rules"] && shape[0].line == 2)
        let duplicate = Self.problems("store: sqlite:a\nstore: sqlite:b\n")
        #expect(duplicate.count == 1 && duplicate[0].message.contains("duplicate"))
        let notMapping = Self.problems("- just\n- a list\n")
        #expect(notMapping.count == 1 && notMapping[0].line == 1)
    }

    @Test("the rules build a detector factory that routes series by name and labels")
    func rulesBuildAFactory() throws {
        let configuration = try ConfigurationLoader.parse(Self.valid, environment: ["TOKEN": "t", "PGPASSWORD": "p"])
        let factory = try DetectorFactory(rules: configuration.detection.rules, fallback: try #require(configuration.detection.fallback))
        #expect(factory.rule(for: .init(name: "cpu_utilization", labels: ["service": "api", "instance": "a"])).detector == "context-regression")
        #expect(factory.rule(for: .init(name: "cpu_utilization", labels: ["service": "db"])).detector == "windowed-gaussian")
        #expect(factory.contextNames == ["request_rate"])
    }
}
