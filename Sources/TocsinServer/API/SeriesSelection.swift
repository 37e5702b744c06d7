import Foundation
import TocsinStore

/// Which series a listing shows: those whose key contains a text, in key order.
enum SeriesSelection {
    /// `series` sorted by key, keeping those whose key contains `match` (case-insensitive) when given.
    static func filter(_ series: [SeriesRecord], matching match: String?) -> [SeriesRecord] {
        let sorted = series.sorted { $0.key.description < $1.key.description }
        guard let match else { return sorted }
        return sorted.filter { $0.key.description.localizedCaseInsensitiveContains(match) }
    }
}
