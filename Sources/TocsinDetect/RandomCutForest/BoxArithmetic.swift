/// The arithmetic of points against bounding boxes (minima at `low`, maxima at `high`) for
/// points of a ``PointWidth``: one coordinate at a time in dimension order, so that every
/// sum is the one a plain loop gives, and without branches, which the data would make
/// unpredictable (a fixed width unrolls the loops into straight-line code).
enum BoxArithmetic<Width: PointWidth> {
    /// The box's extents summed, and the point's distances outside it (`low - value`
    /// below, `value - high` above, 0 inside) summed.
    @inline(__always)
    static func rangeAndGaps(low: UnsafePointer<Double>, high: UnsafePointer<Double>, point: UnsafePointer<Double>,
                             dimensions: Int) -> (range: Double, gaps: Double) {
        var range = 0.0, twiceGaps = 0.0
        for d in 0..<Width.dimensions(dimensions) {
            range += high[d] - low[d]
            // At most one side is positive; `x + |x|` is `2x` above 0 and 0 below, exactly.
            let outside = max(low[d] - point[d], point[d] - high[d])
            twiceGaps += outside + outside.magnitude
        }
        return (range, twiceGaps * 0.5)
    }

    /// Whether the point lies in the box (on its faces included).
    @inline(__always)
    static func contains(low: UnsafePointer<Double>, high: UnsafePointer<Double>, point: UnsafePointer<Double>, dimensions: Int) -> Bool {
        var outside = 0
        for d in 0..<Width.dimensions(dimensions) {
            outside |= (point[d] < low[d] ? 1 : 0) | (high[d] < point[d] ? 1 : 0)
        }
        return outside == 0
    }

    /// The sum of the absolute differences of two points.
    @inline(__always)
    static func distance(_ first: UnsafePointer<Double>, _ second: UnsafePointer<Double>, dimensions: Int) -> Double {
        var sum = 0.0
        for d in 0..<Width.dimensions(dimensions) { sum += (first[d] - second[d]).magnitude }
        return sum
    }

    /// Writes the box grown to hold the point, `lower = min(low, point)` and
    /// `upper = max(high, point)`, and returns the sum of its extents.
    @inline(__always)
    static func grow(low: UnsafePointer<Double>, high: UnsafePointer<Double>, by point: UnsafePointer<Double>,
                     lower: UnsafeMutablePointer<Double>, upper: UnsafeMutablePointer<Double>, dimensions: Int) -> Double {
        var extent = 0.0
        for d in 0..<Width.dimensions(dimensions) {
            let grownLow = min(low[d], point[d]), grownHigh = max(high[d], point[d])
            lower[d] = grownLow
            upper[d] = grownHigh
            extent += grownHigh - grownLow
        }
        return extent
    }

    /// Copies a point's worth of values.
    @inline(__always)
    static func copy(_ source: UnsafePointer<Double>, to target: UnsafeMutablePointer<Double>, dimensions: Int) {
        for d in 0..<Width.dimensions(dimensions) { target[d] = source[d] }
    }

    /// Sets the box at `low`/`high` to the union of two others; false when it was that already.
    @inline(__always)
    static func setUnion(low: UnsafeMutablePointer<Double>, high: UnsafeMutablePointer<Double>,
                         of firstLow: UnsafePointer<Double>, _ firstHigh: UnsafePointer<Double>,
                         and secondLow: UnsafePointer<Double>, _ secondHigh: UnsafePointer<Double>, dimensions: Int) -> Bool {
        var changed = 0
        for d in 0..<Width.dimensions(dimensions) {
            let unionLow = min(firstLow[d], secondLow[d]), unionHigh = max(firstHigh[d], secondHigh[d])
            changed |= (unionLow != low[d] ? 1 : 0) | (unionHigh != high[d] ? 1 : 0)
            low[d] = unionLow
            high[d] = unionHigh
        }
        return changed != 0
    }
}
