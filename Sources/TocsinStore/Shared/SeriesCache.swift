import Foundation
import TocsinCore

/// The identifiers of known series, kept in memory so that resolving keys that already
/// exist never touches the database. Safe because a series' identifier never changes
/// and series are never deleted.
final class SeriesCache: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [SeriesKey: Int64] = [:]

    /// The cached identifiers among `keys`, and the distinct keys that are not cached.
    func lookup(_ keys: [SeriesKey]) -> (found: [SeriesKey: Int64], missing: [SeriesKey]) {
        var found: [SeriesKey: Int64] = [:]
        found.reserveCapacity(keys.count)
        var missing: [SeriesKey] = []
        lock.withLock {
            for key in keys {
                if let id = ids[key] {
                    found[key] = id
                } else {
                    missing.append(key)
                }
            }
        }
        guard missing.count > 1 else { return (found, missing) }
        var seen = Set<SeriesKey>()
        return (found, missing.filter { seen.insert($0).inserted })
    }

    /// Remembers identifiers read from or written to the database.
    func insert(_ entries: [SeriesKey: Int64]) {
        lock.withLock { ids.merge(entries) { _, new in new } }
    }
}
