import Foundation

/// The dispatcher's complete mutable state. Persist it (it is `Codable`) and hand it back to
/// ``AlertDispatcher/init(configuration:state:)`` after a restart: the dispatcher carries on exactly
/// where it stopped, without notifying anything twice.
public struct AlertingState: Sendable, Hashable, Codable {
    /// The latest time the dispatcher has seen.
    var clock: Date?
    /// Every tracked condition, by alert lineage.
    var alerts: [Fingerprint: TrackedAlert] = [:]
    /// The aggregation groups, by key.
    var groups: [String: AggregationGroup] = [:]
    /// Silences, in order of creation.
    var silences: [Silence] = []
    /// The id the next silence gets.
    var nextSilenceID = 1
    /// Notifications that came due while receiving, returned by the next ``AlertDispatcher/advance(to:)``.
    var outbox: [AlertNotification] = []

    /// The state of a dispatcher that has seen nothing yet.
    public init() {}
}
