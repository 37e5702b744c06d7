import Foundation
import TocsinCore

/// Decides which remediation actions an alert calls for, enforcing each policy's
/// cooldown per target and a cap on actions per hour across all policies. Pure value
/// logic: it plans; an executor (dry-run or real) carries plans out.
public struct RemediationPlanner: Sendable {
    /// One decision about one action.
    public struct Plan: Sendable, Hashable {
        /// Whether the action is due, or why not.
        public enum Verdict: Sendable, Hashable {
            case due
            case coolingDown(until: Date)
            case hourlyLimitReached
        }

        public let policy: String
        public let action: RemediationPolicy.Action
        public let target: String
        /// The series that triggered it, if a series did.
        public let series: SeriesKey?
        /// The incident, for the detectors' alerts.
        public let incident: Int64?
        public let verdict: Verdict
        /// Whether the action waits for approval.
        public let needsApproval: Bool
        /// How long after the action the series must have recovered.
        public let verifyWithin: TimeInterval
    }

    public let policies: [RemediationPolicy]
    /// At most this many actions in any hour.
    public let maximumPerHour: Int
    private var lastAction: [String: Date] = [:]
    private var recent: [Date] = []

    /// Creates a planner.
    public init(policies: [RemediationPolicy], maximumPerHour: Int = 10) {
        self.policies = policies
        self.maximumPerHour = maximumPerHour
    }

    /// The plans for an incident the detectors opened, at `now` (its alert name is `anomaly`).
    public mutating func plan(for incident: Incident, at now: Date) -> [Plan] {
        plan(for: RemediationSubject(alert: "anomaly", series: incident.series, labels: incident.scope, incident: incident.id), at: now)
    }

    /// The plans for `subject` at `now`; due plans count against cooldowns and the cap.
    public mutating func plan(for subject: RemediationSubject, at now: Date) -> [Plan] {
        var plans: [Plan] = []
        recent.removeAll { now.timeIntervalSince($0) >= 3_600 }
        for policy in policies {
            guard let (series, target) = policy.match(subject) else { continue }
            let key = "\(policy.name)|\(target)"
            let verdict: Plan.Verdict
            if let last = lastAction[key], now.timeIntervalSince(last) < policy.cooldown {
                verdict = .coolingDown(until: last.addingTimeInterval(policy.cooldown))
            } else if recent.count >= maximumPerHour {
                verdict = .hourlyLimitReached
            } else {
                verdict = .due
                lastAction[key] = now
                recent.append(now)
            }
            plans.append(Plan(policy: policy.name, action: policy.action, target: target, series: series, incident: subject.incident,
                              verdict: verdict, needsApproval: policy.approval, verifyWithin: policy.verifyWithin))
        }
        return plans
    }
}
