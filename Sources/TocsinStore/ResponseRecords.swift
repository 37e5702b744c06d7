import Foundation
import TocsinCore

/// A message queued for one alert sink. It stays in the store until the sink accepts it, so
/// nothing is lost while a sink is down or Tocsin restarts.
public struct OutboxRecord: Sendable, Hashable, Codable {
    /// Where a message is in its delivery.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Not delivered yet; tried again at `nextAttempt`.
        case pending
        /// Accepted by the sink.
        case delivered
        /// Given up: the sink refused it in a way another attempt would repeat.
        case failed
    }

    /// The record's identifier.
    public var id: Int64
    /// The sink it is for (its configured name).
    public var sink: String
    /// The message, as the sink's JSON.
    public var payload: Data
    public var status: Status
    /// Delivery attempts so far.
    public var attempts: Int
    public var created: Date
    /// When it is due (again).
    public var nextAttempt: Date
    /// When it was last tried, delivered or given up.
    public var updated: Date
    /// The last failure, for the API and the logs.
    public var lastError: String?

    /// Creates a record.
    public init(id: Int64, sink: String, payload: Data, status: Status, attempts: Int, created: Date, nextAttempt: Date,
                updated: Date, lastError: String?) {
        self.id = id
        self.sink = sink
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.created = created
        self.nextAttempt = nextAttempt
        self.updated = updated
        self.lastError = lastError
    }
}

/// One remediation action: what a policy planned for a target, and where it stands.
public struct ActionRecord: Sendable, Hashable, Codable {
    /// Where an action stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Planned as a dry run: printed and recorded, never executed.
        case simulated
        /// Waiting for `POST /v1/actions/{id}/approve`.
        case awaitingApproval = "awaiting_approval"
        /// Approved, about to run.
        case approved
        /// Not run: cooling down, over the hourly cap, or the target is not allow-listed.
        case skipped
        /// Run; its effect is being verified.
        case executed
        /// Running it failed.
        case failed
        /// The series recovered within the verification window.
        case recovered
        /// The series did not recover; the alert was escalated.
        case notRecovered = "not_recovered"
    }

    public var id: Int64
    /// The policy that planned it.
    public var policy: String
    /// The action, e.g. `reboot_instance`.
    public var kind: String
    /// Its target: an instance id or a service.
    public var target: String
    /// The series that triggered it.
    public var series: SeriesKey?
    /// The incident it answers, if any.
    public var incident: Int64?
    public var status: Status
    public var created: Date
    public var updated: Date
    /// A human-readable account of the latest step.
    public var detail: String

    /// Creates a record.
    public init(id: Int64 = 0, policy: String, kind: String, target: String, series: SeriesKey?, incident: Int64?, status: Status,
                created: Date, updated: Date, detail: String) {
        self.id = id
        self.policy = policy
        self.kind = kind
        self.target = target
        self.series = series
        self.incident = incident
        self.status = status
        self.created = created
        self.updated = updated
        self.detail = detail
    }
}

/// One line of the remediation audit log: a step of one action.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int64
    /// The action it concerns.
    public var action: Int64
    public var at: Date
    /// The step: `planned`, `approved`, `executed`, `failed`, `skipped`, `verified`, `escalated`, ...
    public var event: String
    public var detail: String

    /// Creates an entry.
    public init(id: Int64, action: Int64, at: Date, event: String, detail: String) {
        self.id = id
        self.action = action
        self.at = at
        self.event = event
        self.detail = detail
    }
}
