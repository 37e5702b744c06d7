import Foundation

/// The dispatcher's record of one condition (one alert lineage: its labels apart from severity):
/// the latest alert received for it and what the dispatcher decided about it.
public struct TrackedAlert: Sendable, Hashable, Codable {
    /// The latest alert, with the dispatcher's status (expired alerts are resolved).
    public internal(set) var alert: Alert
    /// When a firing alert resolves unless refreshed: its `endsAt`, or the receive time plus the
    /// resolve timeout; `nil` once resolved.
    public internal(set) var expiresAt: Date?
    /// When a held (flapping) alert started firing; `nil` when the alert is routed normally.
    public internal(set) var heldSince: Date?
    /// Whether someone acknowledged the firing alert (no repeat notifications while it lasts).
    public internal(set) var isAcknowledged: Bool
    /// The condition's flapping history.
    public internal(set) var flapHistory: FlapHistory

    /// Whether the alert is firing.
    public var isFiring: Bool {
        alert.status == .firing
    }

    /// Whether the alert is firing and routed to its receivers (not held back as flapping).
    public var isPublishedFiring: Bool {
        isFiring && heldSince == nil
    }
}
