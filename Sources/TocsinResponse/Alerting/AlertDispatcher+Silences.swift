import Foundation

extension AlertDispatcher {
    /// Every silence kept: pending, active, and expired ones until the retention time has passed.
    public var silences: [Silence] {
        state.silences
    }

    /// Creates a silence and returns it with its id; throws without matchers or when it would end
    /// before it starts.
    @discardableResult
    public mutating func addSilence(matchers: [LabelMatcher], startsAt: Date, endsAt: Date, createdBy: String,
                                    comment: String) throws(AlertingError) -> Silence {
        let silence = try Silence(id: state.nextSilenceID, matchers: matchers, startsAt: startsAt, endsAt: endsAt,
                                  createdBy: createdBy, comment: comment)
        state.nextSilenceID += 1
        state.silences.append(silence)
        return silence
    }

    /// Ends a silence at `time`; returns `false` when there is no such silence or it had already ended.
    @discardableResult
    public mutating func expireSilence(id: Int, at time: Date) -> Bool {
        let now = runEvents(before: time)
        guard let index = state.silences.firstIndex(where: { $0.id == id }),
              state.silences[index].state(at: now) != .expired else { return false }
        state.silences[index].expire(at: now)
        return true
    }
}
