/// Thins a long series for plotting without losing its spikes: the rows are split into one
/// group per pixel column and each group keeps only its lowest and highest value, in the
/// order they occur. Series no longer than two points per column are kept whole.
enum SeriesDownsampler {
    /// A kept row.
    struct Point: Sendable, Equatable {
        /// The row index in the series.
        let row: Int
        /// The row's value.
        let value: Double
    }

    /// The kept rows of `values` for a plot `columns` pixels wide, as polylines. NaN and
    /// infinite values are skipped; a gap (a non-finite row when rows are kept whole, a column
    /// without a finite value when they are grouped) ends one polyline and the next finite
    /// value starts another.
    static func polylines(of values: [Double], columns: Int) -> [[Point]] {
        var polylines: [[Point]] = []
        var current: [Point] = []
        func finish() {
            if !current.isEmpty { polylines.append(current) }
            current = []
        }
        for group in groups(count: values.count, columns: columns) {
            var lowest: Point?
            var highest: Point?
            for row in group {
                let value = values[row]
                guard value.isFinite else {
                    if group.count == 1 { finish() }
                    continue
                }
                if lowest.map({ value < $0.value }) ?? true { lowest = Point(row: row, value: value) }
                if highest.map({ value > $0.value }) ?? true { highest = Point(row: row, value: value) }
            }
            guard let lowest, let highest else {
                finish()
                continue
            }
            if lowest.row == highest.row {
                current.append(lowest)
            } else {
                current += lowest.row < highest.row ? [lowest, highest] : [highest, lowest]
            }
        }
        finish()
        return polylines
    }

    /// The rows of each pixel column: single rows when there are at most two rows per column.
    private static func groups(count: Int, columns: Int) -> [Range<Int>] {
        guard columns > 0, count > 2 * columns else { return (0..<count).map { $0..<($0 + 1) } }
        return (0..<columns).map { column in (column * count / columns)..<((column + 1) * count / columns) }
    }
}
