/// The cardinality rule shared by both backends.
enum SeriesLimit {
    /// Throws ``StoreError/Kind/cardinality`` when `creating` new series on top of
    /// `stored` would exceed `limit`. Nothing is created in that case.
    static func check(stored: Int, creating: Int, limit: Int) throws {
        guard stored + creating > limit else { return }
        throw StoreError(
            .cardinality,
            "creating \(creating) series would exceed the limit of \(limit) series (\(stored) stored)"
        )
    }
}
