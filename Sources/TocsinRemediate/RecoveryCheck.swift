import Foundation
import TocsinCore
import TocsinStore

/// Whether a remediated series recovered.
public protocol RecoveryCheck: Sendable {
    /// Whether `series` looked healthy between `start` and `end`; nil when it cannot tell
    /// (an action triggered by a log rule has no series to watch).
    func recovered(_ series: SeriesKey?, from start: Date, to end: Date) async throws -> Bool?
}

/// Judges recovery from the store: the series sent points after the action, and raised no
/// anomaly in the second half of the verification window.
public struct StoreRecoveryCheck: RecoveryCheck {
    private let store: any TocsinStore

    /// A check reading `store`.
    public init(store: any TocsinStore) {
        self.store = store
    }

    public func recovered(_ series: SeriesKey?, from start: Date, to end: Date) async throws -> Bool? {
        guard let series else { return nil }
        guard let id = try await store.allSeries().first(where: { $0.key == series })?.id else { return false }
        let points = try await store.points(series: id, from: start, to: end.addingTimeInterval(0.001), limit: 1)
        guard !points.isEmpty else { return false }
        let settled = start.addingTimeInterval(end.timeIntervalSince(start) / 2)
        return try await store.anomalies(from: settled, to: end.addingTimeInterval(0.001), series: id, limit: 1).isEmpty
    }
}
