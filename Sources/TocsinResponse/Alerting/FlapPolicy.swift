import Foundation

/// How flapping alerts are damped; see ``FlapHistory`` for the rule.
public struct FlapPolicy: Sendable, Hashable, Codable {
    /// An alert that fires again less than this long after it resolved is flapping; and a flapping
    /// alert that stays resolved this long is flapping no more. 0 disables damping.
    public var window: TimeInterval
    /// How long a flapping alert must stay firing before it is notified.
    public var holdDown: TimeInterval

    /// Creates a policy; both durations default to 10 minutes.
    public init(window: TimeInterval = 600, holdDown: TimeInterval = 600) {
        self.window = window
        self.holdDown = holdDown
    }
}
