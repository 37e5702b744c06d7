import Foundation
import TocsinCore

/// When an incident involves a series this policy matches, take its action on the
/// series' instance (or service), at most once per `cooldown` per target.
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
    /// Series name to match (`nil` matches any).
    public var series: String?
    /// Labels the series must carry.
    public var labels: [String: String]
    public var action: Action
    /// Minimum time between two actions of this policy on the same target.
    public var cooldown: TimeInterval

    /// Creates a policy.
    public init(name: String, series: String? = nil, labels: [String: String] = [:], action: Action, cooldown: TimeInterval = 1_800) {
        self.name = name
        self.series = series
        self.labels = labels
        self.action = action
        self.cooldown = cooldown
    }

    func matches(_ key: SeriesKey) -> Bool {
        key.matches(name: series, labels: labels)
    }

    /// The target of the action for a matching series: its instance, else its service.
    func target(of key: SeriesKey) -> String? {
        key["instance"] ?? key["service"]
    }
}
