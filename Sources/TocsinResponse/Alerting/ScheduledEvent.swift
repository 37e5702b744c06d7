import Foundation

/// Something the dispatcher must do at a given time. Events due at the same time run in a fixed
/// order (expiries, then releases, then flushes, each by key) so the outcome never depends on
/// dictionary order.
struct ScheduledEvent: Comparable {
    /// What is due, in the order actions due at the same time run.
    enum Action: Comparable {
        /// The firing alert of this lineage was not refreshed in time and resolves.
        case expiry(Fingerprint)
        /// The held flapping alert of this lineage has been firing for the hold-down time.
        case release(Fingerprint)
        /// The group with this key flushes.
        case flush(String)
    }

    /// When it is due.
    let time: Date
    /// What is due.
    let action: Action

    static func < (lhs: ScheduledEvent, rhs: ScheduledEvent) -> Bool {
        (lhs.time, lhs.action) < (rhs.time, rhs.action)
    }
}
