import Foundation

/// When a message that a sink could not take is tried again: exponential backoff with full
/// jitter, from `base` doubling up to `maximum`.
public struct RetrySchedule: Sendable {
    /// The backoff cap of the first retry.
    public var base: TimeInterval
    /// The largest backoff cap.
    public var maximum: TimeInterval
    /// A uniformly distributed number in `0..<1`.
    public var random: @Sendable () -> Double

    /// A schedule; by default from 5 s up to 5 minutes.
    public init(base: TimeInterval = 5, maximum: TimeInterval = 300, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.base = base
        self.maximum = maximum
        self.random = random
    }

    /// The pause after the `attempt`-th failed attempt (1 for the first): at least a tenth
    /// of its cap, so that a sink that is down is not hammered.
    public func delay(afterAttempt attempt: Int) -> TimeInterval {
        let cap = min(maximum, base * pow(2, Double(min(max(attempt - 1, 0), 30))))
        return cap * (0.1 + 0.9 * min(max(random(), 0), 1))
    }
}
