import Foundation

/// A silence: for a time span, alerts whose labels match its matchers are not notified.
///
/// Silenced alerts are still tracked and grouped; once the silence ends, an alert that is still
/// firing and that its receiver has not been told about is notified at its group's next flush.
public struct Silence: Sendable, Hashable, Codable, Identifiable {
    /// Where a silence is in its life at a given time.
    public enum State: String, Sendable, Hashable, Codable {
        /// It has not started yet.
        case pending
        /// It silences matching alerts.
        case active
        /// It has ended or was expired.
        case expired
    }

    /// The dispatcher's identifier (1, 2, 3… in order of creation).
    public let id: Int
    /// What a silenced alert's labels must match; never empty.
    public internal(set) var matchers: [LabelMatcher]
    /// When the silence starts.
    public internal(set) var startsAt: Date
    /// When it ends.
    public internal(set) var endsAt: Date
    /// Who created it.
    public internal(set) var createdBy: String
    /// Why.
    public internal(set) var comment: String

    /// Creates a silence; throws without matchers or when it would end before it starts.
    init(id: Int, matchers: [LabelMatcher], startsAt: Date, endsAt: Date, createdBy: String,
         comment: String) throws(AlertingError) {
        guard !matchers.isEmpty else { throw AlertingError("a silence needs at least one matcher") }
        guard endsAt > startsAt else { throw AlertingError("a silence must end after it starts") }
        self.id = id
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
    }

    /// Pending before `startsAt`, active until `endsAt` (exclusive), expired afterwards.
    public func state(at time: Date) -> State {
        if time < startsAt { return .pending }
        return time < endsAt ? .active : .expired
    }

    /// Whether it silences an alert with these labels at `time`.
    public func silences(_ labels: [String: String], at time: Date) -> Bool {
        state(at: time) == .active && matchers.matches(labels)
    }

    /// Ends the silence at `time` if it has not ended by then; a pending one never starts.
    mutating func expire(at time: Date) {
        startsAt = min(startsAt, time)
        endsAt = min(endsAt, time)
    }
}
