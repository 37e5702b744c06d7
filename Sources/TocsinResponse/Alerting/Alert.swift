import Foundation

/// One alert as Alertmanager models it: identifying labels, descriptive annotations and its time span.
///
/// The labels identify the alert (their ``fingerprint`` is its key); by convention they carry
/// `alertname`, `severity`, `service`, `instance` and `series` where known. The annotations describe
/// it (`summary`, `description`, `score`, `threshold`, `runbook`…) and may change without making it
/// a different alert.
public struct Alert: Sendable, Hashable, Codable {
    /// Whether the condition still holds.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The condition holds.
        case firing
        /// The condition has ended.
        case resolved
    }

    /// The label that holds the severity.
    public static let severityLabel = "severity"

    /// The identifying labels.
    public var labels: [String: String]
    /// The descriptive annotations.
    public var annotations: [String: String]
    /// Firing or resolved.
    public var status: Status
    /// When the condition began.
    public var startsAt: Date
    /// When the condition ended (resolved alerts), or when a firing alert should be considered
    /// resolved unless it is refreshed; `nil` lets the dispatcher's resolve timeout decide.
    public var endsAt: Date?
    /// When the alert was last received.
    public var updatedAt: Date

    /// Creates an alert; `severity` is written to the `severity` label.
    public init(labels: [String: String], annotations: [String: String] = [:], severity: AlertSeverity,
                status: Status = .firing, startsAt: Date, endsAt: Date? = nil, updatedAt: Date? = nil) {
        self.labels = labels
        self.annotations = annotations
        self.status = status
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.updatedAt = updatedAt ?? startsAt
        self.severity = severity
    }

    /// The severity held in the `severity` label; a missing or unknown value reads as `warning`.
    public var severity: AlertSeverity {
        get { labels[Self.severityLabel].flatMap(AlertSeverity.init(rawValue:)) ?? .warning }
        set { labels[Self.severityLabel] = newValue.rawValue }
    }

    /// The Alertmanager fingerprint of the labels: the alert's identity.
    public var fingerprint: Fingerprint {
        Fingerprint(labels: labels)
    }

    /// The fingerprint of the labels other than `severity`: the same condition across severity changes.
    public var lineage: Fingerprint {
        var identifying = labels
        identifying[Self.severityLabel] = nil
        return Fingerprint(labels: identifying)
    }
}
