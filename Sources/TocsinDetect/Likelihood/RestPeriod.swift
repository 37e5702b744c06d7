/// Keeps one event from raising a stream of alarms: after a score at or above the
/// threshold, later scores stay just below it for `length` points. A second event
/// inside the rest period goes unreported: the price of one clear alarm per event
/// instead of a flurry.
public struct RestPeriod: Sendable, Codable, Hashable {
    /// The alarm threshold the rest period protects.
    public let threshold: Double
    /// Points after an alarm during which no other alarm is raised.
    public var length: Int
    private var sinceAlarm: Int?

    /// A rest period that has never been triggered.
    public init(threshold: Double, length: Int) {
        self.threshold = threshold
        self.length = length
    }

    /// The score as reported, capped below the threshold during a rest. Does not
    /// advance the rest period.
    public func apply(_ score: Double) -> Double {
        guard score >= threshold, let sinceAlarm, sinceAlarm < length else { return score }
        return min(score, threshold.nextDown)
    }

    /// Advances by one point that was reported as `reported`.
    public mutating func advance(reported: Double) {
        if reported >= threshold {
            sinceAlarm = 0
        } else if let since = sinceAlarm {
            sinceAlarm = since + 1
        }
    }
}
