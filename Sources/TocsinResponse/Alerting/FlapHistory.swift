import Foundation

/// What the dispatcher remembers of a condition (an alert lineage, all severities) to damp flapping.
///
/// The rule: an alert that fires again less than ``FlapPolicy/window`` after it last resolved is
/// *flapping*. A flapping alert is held: it is tracked but not routed, so its receivers are not told
/// it fired again, and if it resolves while held they hear nothing either (their last word was that it
/// resolved). It is released, and notified as a new alert, once it has stayed firing for
/// ``FlapPolicy/holdDown``. An alert that fires at least a window after it last resolved is a genuine
/// new incident and is notified at once. A series that flaps every minute therefore pages once, is
/// reported resolved once, and stays quiet until it either settles into firing or stays quiet for a
/// whole window. Raising an alert's severity releases it at once (see escalation).
public struct FlapHistory: Sendable, Hashable, Codable {
    /// When the condition last resolved, if it has since it was first seen.
    public private(set) var lastResolvedAt: Date?
    /// Whether its latest firing came less than a window after a resolution and has not yet been
    /// firing for the hold-down time.
    public private(set) var isFlapping = false

    /// Creates an empty history.
    init() {}

    /// Notes that the condition fired at `time`; returns whether it is flapping (and must be held).
    mutating func recordFiring(at time: Date, policy: FlapPolicy) -> Bool {
        isFlapping = lastResolvedAt.map { time.timeIntervalSince($0) < policy.window } ?? false
        return isFlapping
    }

    /// Notes that the condition resolved at `time`.
    mutating func recordResolution(at time: Date) {
        lastResolvedAt = time
    }

    /// Notes that the condition stayed firing for the hold-down time.
    mutating func settle() {
        isFlapping = false
    }
}
