import Foundation
import TocsinCore

/// When an alert (an incident the detectors opened, or a rule that fires) concerns what this
/// policy matches, take its action on the instance (or service), at most once per
/// `cooldown` per target; with `approval`, only once someone approves it.
public struct RemediationPolicy: Sendable, Hashable {
    /// What a policy does.
    public enum Action: Sendable, Hashable {
        /// Reboot the instance the anomalous series belongs to (EC2 RebootInstances).
        case rebootInstance
        /// POST the incident to a URL.
        case webhook(url: String)
        /// Run a command with the target appended as its last argument.
        case command(arguments: [String])

        /// A short description for plans and logs (never secrets: webhook URLs are shown by host only).
        public var summary: String {
            switch self {
            case .rebootInstance: "reboot instance"
            case .webhook(let url): "call webhook at \(URL(string: url)?.host ?? "an invalid URL")"
            case .command(let arguments): "run \(arguments.first ?? "a command")"
            }
        }
    }

    /// Names the policy in plans and the audit log.
    public var name: String
    /// The alert name to match (`anomaly` for the detectors' incidents, or a rule's name); nil matches any.
    public var alert: String?
    /// Series name to match (`nil` matches any).
    public var series: String?
    /// Labels the series must carry.
    public var labels: [String: String]
    public var action: Action
    /// Minimum time between two actions of this policy on the same target.
    public var cooldown: TimeInterval
    /// Whether an action waits for approval (`POST /v1/actions/{id}/approve`) before it runs.
    public var approval: Bool
    /// How long after an action the series must have recovered, else the alert is escalated.
    public var verifyWithin: TimeInterval

    /// Creates a policy.
    public init(name: String, alert: String? = nil, series: String? = nil, labels: [String: String] = [:], action: Action,
                cooldown: TimeInterval = 1_800, approval: Bool = false, verifyWithin: TimeInterval = 600) {
        self.name = name
        self.alert = alert
        self.series = series
        self.labels = labels
        self.action = action
        self.cooldown = cooldown
        self.approval = approval
        self.verifyWithin = verifyWithin
    }

    /// The series of `subject` this policy acts on, with the action's target (its instance, else
    /// its service); without series (a log rule's alert), the alert's own labels stand in.
    func match(_ subject: RemediationSubject) -> (series: SeriesKey?, target: String)? {
        if let alert, alert != subject.alert { return nil }
        if let key = subject.series.first(where: { $0.matches(name: series, labels: labels) }),
           let target = key["instance"] ?? key["service"] {
            return (key, target)
        }
        guard subject.series.isEmpty, series == nil, labels.allSatisfy({ subject.labels[$0.key] == $0.value }),
              let target = subject.labels["instance"] ?? subject.labels["service"] else { return nil }
        return (nil, target)
    }
}
