import Foundation

/// Acknowledgements: someone is on it. An acknowledged alert gets no repeat notifications until it
/// resolves or its severity rises (which makes it a new alert, with a new fingerprint). It still
/// appears in notifications its group sends for other reasons, such as another alert firing.
extension AlertDispatcher {
    /// Acknowledges the firing alert with this fingerprint; returns `false` when there is none.
    @discardableResult
    public mutating func acknowledge(_ fingerprint: Fingerprint, at time: Date) -> Bool {
        _ = runEvents(before: time)
        guard let lineage = state.alerts.first(where: { $0.value.isFiring && $0.value.alert.fingerprint == fingerprint })?
            .key else { return false }
        state.alerts[lineage]!.isAcknowledged = true
        return true
    }

    /// Acknowledges every firing alert of a group (by the key its notifications carry); returns how many.
    @discardableResult
    public mutating func acknowledge(groupKey: String, at time: Date) -> Int {
        _ = runEvents(before: time)
        let fingerprints = state.groups[groupKey]?.alerts.values.filter { $0.status == .firing }.map(\.fingerprint) ?? []
        return fingerprints.reduce(0) { count, fingerprint in
            count + (acknowledge(fingerprint, at: time) ? 1 : 0)
        }
    }
}
