import Foundation

/// The events of one subject within a sliding window: their times, how many of them count
/// (for a ratio), and whether the rule fires for the subject.
struct SlidingCounter: Sendable {
    private var times: [Date] = []
    private var hits: [Bool] = []
    private var start = 0
    /// Matching events in the window.
    private(set) var hitCount = 0
    /// Whether the rule currently fires for this subject.
    var firing = false
    /// The labels of the latest event, for the rule's events.
    var labels: [String: String] = [:]
    /// The time of the latest event.
    private(set) var lastSeen = Date.distantPast

    /// Events in the window.
    var count: Int { times.count - start }

    /// Adds an event at `time`.
    mutating func add(_ time: Date, hit: Bool = true) {
        times.append(time)
        hits.append(hit)
        lastSeen = max(lastSeen, time)
        if hit { hitCount += 1 }
    }

    /// Drops the events before `cutoff`.
    mutating func expire(before cutoff: Date) {
        while start < times.count, times[start] < cutoff {
            if hits[start] { hitCount -= 1 }
            start += 1
        }
        if start > 64, start * 2 > times.count {
            times.removeFirst(start)
            hits.removeFirst(start)
            start = 0
        }
    }
}
