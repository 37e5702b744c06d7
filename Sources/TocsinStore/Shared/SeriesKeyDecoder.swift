import TocsinCore

/// Turns the `name`/`labels` columns of joined series rows into keys, decoding each
/// series' labels JSON once per query.
struct SeriesKeyDecoder {
    private var keys: [Int64: SeriesKey] = [:]

    /// The key of series `id`, stored as `name` and `labels`.
    mutating func key(id: Int64, name: String, labels: String) throws -> SeriesKey {
        if let key = keys[id] { return key }
        let key = SeriesKey(name: name, labels: try CanonicalJSON.decodeObject(labels, column: "series.labels"))
        keys[id] = key
        return key
    }
}
