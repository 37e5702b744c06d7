import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TocsinAWS
import TocsinCloudWatch
import TocsinConfig
import TocsinEmail
import TocsinNotify
import TocsinPipeline
import TocsinRemediate
import TocsinResponse
import TocsinServer
import TocsinStore

/// The response side of the service, assembled from the configuration: rules, alerting with
/// its sinks and their delivery, root-cause analysis and remediation.
struct ResponseAssembly {
    let alerting: AlertingService
    let remediation: RemediationService
    let delivery: SinkDeliveryService

    /// The services to run.
    var services: [any Service] { [alerting, delivery, remediation] }

    /// Builds everything `configuration` describes on `store`, counting deliveries and
    /// remediation steps in `metrics`.
    init(_ configuration: TocsinConfiguration, store: any TocsinStore, metrics: ServiceMetrics) throws(CLIFailure) {
        let settings = configuration.alerting
        let aws = LazyAWS(configuration.aws)
        var receivers = settings.receivers
        if receivers.isEmpty {
            var console = TocsinConfiguration.Receiver(name: "console")
            console.console = true
            receivers = [console]
        }
        var sinks: [String: [any AlertSink]] = [:]
        for receiver in receivers { sinks[receiver.name] = try Self.sinks(of: receiver, aws: aws) }
        let dispatcher: AlertDispatcher
        do {
            dispatcher = try AlertDispatcher(configuration: AlertingConfiguration(
                route: settings.route, receivers: receivers.map { Receiver(name: $0.name, sendResolved: $0.sendResolved) },
                resolveTimeout: settings.resolveTimeout, flapping: settings.flapping))
        } catch { throw .usage("alerting: \(error)") }
        let analyzer: RootCauseAnalyzer
        do { analyzer = try RootCauseAnalyzer(configuration: settings.rootCause) } catch { throw .usage("alerting.root_cause: \(error)") }
        var lookups = [LogLookup.store(store)]
        if !settings.cloudWatchLogGroups.isEmpty {
            let reader = CloudWatchLogsReader(logs: try aws.logs(), groups: settings.cloudWatchLogGroups, pattern: settings.cloudWatchLogPattern)
            lookups.append(LogLookup { from, to, _, instance in
                try await reader.records(from: from, to: to).filter { instance == nil || $0.instance == instance }
            })
        }
        let logger = Logger(label: "tocsin.alerting")
        let logs = LogLookup.combining(lookups) { error in logger.error("reading logs for root-cause hints failed: \(error)") }
        let remediationSettings = configuration.remediation
        let usesReboot = remediationSettings.execute && remediationSettings.policies.contains { $0.action == .rebootInstance }
        let relay = EscalationRelay()
        let allSinks = sinks.values.flatMap { $0 }
        let remediation = RemediationService(
            planner: RemediationPlanner(policies: remediationSettings.policies, maximumPerHour: remediationSettings.maximumPerHour),
            mode: remediationSettings.execute ? .execute : .dryRun, allowList: AllowList(remediationSettings.allow),
            executor: LiveExecutor(ec2: usesReboot ? try aws.ec2() : nil), store: store, recovery: StoreRecoveryCheck(store: store),
            escalate: { action in relay.escalate(action) },
            onStep: { action in metrics.remediation(policy: action.policy, status: action.status.rawValue) })
        let rules = RuleEngine(metricRules: configuration.rules.metric, burstRules: configuration.rules.logBurst,
                               ratioRules: configuration.rules.logRatio)
        let alerting = AlertingService(dispatcher: dispatcher, rules: rules, sinks: sinks, store: store, analyzer: analyzer, logs: logs,
                                       remediation: remediation)
        relay.target.withLock { $0 = alerting }
        self.alerting = alerting
        self.remediation = remediation
        delivery = SinkDeliveryService(sinks: allSinks, outbox: store) { sink, outcome in metrics.notification(sink: sink, outcome: outcome) }
    }

    /// The sinks of one receiver, named `RECEIVER/KIND`.
    private static func sinks(of receiver: TocsinConfiguration.Receiver, aws: LazyAWS) throws(CLIFailure) -> [any AlertSink] {
        var sinks: [any AlertSink] = []
        let name = receiver.name
        if receiver.console { sinks.append(ConsoleSink(name: "\(name)/console")) }
        if let hook = receiver.webhook, let url = URL(string: hook.url) { sinks.append(WebhookSink(name: "\(name)/webhook", url: url, token: hook.token)) }
        if let slack = receiver.slack, let url = URL(string: slack) { sinks.append(SlackSink(name: "\(name)/slack", url: url)) }
        if let manager = receiver.alertmanager, let url = URL(string: manager) { sinks.append(AlertmanagerSink(name: "\(name)/alertmanager", baseURL: url)) }
        if let topic = receiver.snsTopic { sinks.append(SNSSink(name: "\(name)/sns", sns: try aws.sns(), topicARN: topic)) }
        if let email = receiver.email { sinks.append(try emailSink(email, name: "\(name)/email")) }
        return sinks
    }

    private static func emailSink(_ email: TocsinConfiguration.Receiver.Email, name: String) throws(CLIFailure) -> EmailSink {
        let security: SMTPSecurity = switch email.security {
        case "tls": .implicitTLS
        case "plain": .plain
        default: .startTLS
        }
        let credentials = email.username.map { SMTPCredentials(username: $0, password: email.password ?? "") }
        let configuration = SMTPConfiguration(host: email.host, port: email.port, security: security, credentials: credentials,
                                              tls: SMTPTLSSettings(additionalTrustedCertificateFiles: email.caFiles, serverName: email.serverName))
        do {
            return EmailSink(name: name, configuration: configuration, from: try EmailAddress(email.from), to: try email.to.map { try EmailAddress($0) })
        } catch {
            throw .usage("receiver email \(name): \(error)")
        }
    }
}

/// Hands remediation's escalations to the alerting service, which is made after it.
final class EscalationRelay: Sendable {
    let target = Mutex<AlertingService?>(nil)

    func escalate(_ action: ActionRecord) {
        target.withLock { $0 }?.escalate(action)
    }
}

/// AWS clients made on first use from the configuration's `aws` section, so that a
/// configuration without AWS features needs no region.
struct LazyAWS {
    let settings: TocsinConfiguration.AWS

    init(_ settings: TocsinConfiguration.AWS) {
        self.settings = settings
    }

    private func configuration(_ what: String) throws(CLIFailure) -> AWSClientConfiguration {
        try AWSAccess.configuration(region: settings.region, profile: settings.profile, endpoint: settings.endpoint, what: what)
    }

    func sns() throws(CLIFailure) -> SNSClient {
        try client("sns") { configuration throws(AWSError) in try SNSClient(configuration: configuration) }
    }

    func ec2() throws(CLIFailure) -> EC2Client {
        try client("remediation") { configuration throws(AWSError) in try EC2Client(configuration: configuration) }
    }

    func logs() throws(CLIFailure) -> CloudWatchLogsClient {
        try client("cloudwatch logs") { configuration throws(AWSError) in try CloudWatchLogsClient(configuration: configuration) }
    }

    /// A client made by `make` for `what` (named in errors).
    private func client<Client>(_ what: String, _ make: (AWSClientConfiguration) throws(AWSError) -> Client) throws(CLIFailure) -> Client {
        let settings = try configuration(what)
        do { return try make(settings) } catch { throw .usage("\(what): \(error)") }
    }
}
