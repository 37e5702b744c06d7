/// The arithmetic of points against bounding boxes (minima at `low`, maxima at `high`) for
/// points of a ``PointWidth``: in dimension order, so that every sum but the gaps (see
/// ``gaps(low:high:point:dimensions:)``) is the one a plain loop gives, and without
/// branches, which the data would make unpredictable (a fixed width unrolls the loops into
/// straight-line code).
enum BoxArithmetic<Width: PointWidth> {
    /// The point's distances outside the box (`low - value` below, `value - high` above,
    /// 0 inside) summed. At most one side of a dimension is positive, so the larger side,
    /// if positive, is the distance exactly. Even and odd dimensions are summed apart and
    /// then together, which halves the chain of dependent additions and lets them pair
    /// into vector instructions.
    @inline(__always)
    static func gaps(low: UnsafePointer<Double>, high: UnsafePointer<Double>, point: UnsafePointer<Double>, dimensions: Int) -> Double {
        let dimensions = Width.dimensions(dimensions)
        var even = 0.0, odd = 0.0
        var d = 0
        while d &+ 1 < dimensions {
            even += larger(larger(low[d] - point[d], point[d] - high[d]), 0)
            odd += larger(larger(low[d &+ 1] - point[d &+ 1], point[d &+ 1] - high[d &+ 1]), 0)
            d &+= 2
        }
        if d < dimensions { even += larger(larger(low[d] - point[d], point[d] - high[d]), 0) }
        return even + odd
    }

    /// `a > b ? a : b`: the larger value, written so that it compiles to one maximum
    /// instruction (`max` compiles to a compare and a blend, to order NaNs; the two differ
    /// only for NaNs and in the sign of equal zeros, which no result depends on).
    @inline(__always)
    static func larger(_ a: Double, _ b: Double) -> Double {
        a > b ? a : b
    }

    /// The box's extents summed in dimension order (what ``NodeStore/Cut/range`` caches).
    @inline(__always)
    static func range(low: UnsafePointer<Double>, high: UnsafePointer<Double>, dimensions: Int) -> Double {
        var range = 0.0
        for d in 0..<Width.dimensions(dimensions) { range += high[d] - low[d] }
        return range
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

    /// `a < b ? a : b`: the smaller value, as one minimum instruction (see ``larger(_:_:)``);
    /// `smaller(b, a)` is exactly `min(a, b)`.
    @inline(__always)
    static func smaller(_ a: Double, _ b: Double) -> Double {
        a < b ? a : b
    }

    /// Writes the box grown to hold the point, `lower = min(low, point)` and
    /// `upper = max(high, point)`, and returns the sum of its extents.
    @inline(__always)
    static func grow(low: UnsafePointer<Double>, high: UnsafePointer<Double>, by point: UnsafePointer<Double>,
                     lower: UnsafeMutablePointer<Double>, upper: UnsafeMutablePointer<Double>, dimensions: Int) -> Double {
        union(low: lower, high: upper, of: low, high, and: point, point, dimensions: dimensions, tracking: false).range
    }

    /// Copies a point's worth of values, two at a time, read before written (inline, where
    /// `update(from:count:)` calls `memmove`: 2.5 % slower overall).
    @inline(__always)
    static func copy(_ source: UnsafePointer<Double>, to target: UnsafeMutablePointer<Double>, dimensions: Int) {
        let dimensions = Width.dimensions(dimensions)
        var d = 0
        while d &+ 1 < dimensions {
            let first = source[d], second = source[d &+ 1]
            target[d] = first
            target[d &+ 1] = second
            d &+= 2
        }
        if d < dimensions { target[d] = source[d] }
    }

    /// Sets the box at `low`/`high` to the union of two others; whether it changed, and its range.
    @inline(__always)
    static func setUnion(low: UnsafeMutablePointer<Double>, high: UnsafeMutablePointer<Double>,
                         of firstLow: UnsafePointer<Double>, _ firstHigh: UnsafePointer<Double>,
                         and secondLow: UnsafePointer<Double>, _ secondHigh: UnsafePointer<Double>,
                         dimensions: Int) -> (changed: Bool, range: Double) {
        union(low: low, high: high, of: firstLow, firstHigh, and: secondLow, secondHigh, dimensions: dimensions, tracking: true)
    }

    /// Writes the union of two boxes to `low`/`high` and returns the sum of its extents in
    /// dimension order; with `tracking` (a constant once inlined), also whether the target
    /// held another box before, which it then must hold (it is read). Dimensions go two at a
    /// time, every value read before any is written, so that the compiler may pair them into
    /// vector instructions although it cannot tell the boxes apart.
    @inline(__always)
    private static func union(low: UnsafeMutablePointer<Double>, high: UnsafeMutablePointer<Double>,
                              of firstLow: UnsafePointer<Double>, _ firstHigh: UnsafePointer<Double>,
                              and secondLow: UnsafePointer<Double>, _ secondHigh: UnsafePointer<Double>,
                              dimensions: Int, tracking: Bool) -> (changed: Bool, range: Double) {
        let dimensions = Width.dimensions(dimensions)
        var changed = 0
        var range = 0.0
        var d = 0
        while d &+ 1 < dimensions {
            let low0 = smaller(secondLow[d], firstLow[d]), low1 = smaller(secondLow[d &+ 1], firstLow[d &+ 1])
            let high0 = larger(secondHigh[d], firstHigh[d]), high1 = larger(secondHigh[d &+ 1], firstHigh[d &+ 1])
            if tracking {
                changed |= (low0 != low[d] ? 1 : 0) | (low1 != low[d &+ 1] ? 1 : 0)
                    | (high0 != high[d] ? 1 : 0) | (high1 != high[d &+ 1] ? 1 : 0)
            }
            low[d] = low0
            low[d &+ 1] = low1
            high[d] = high0
            high[d &+ 1] = high1
            range += high0 - low0
            range += high1 - low1
            d &+= 2
        }
        if d < dimensions {
            let lowLast = smaller(secondLow[d], firstLow[d]), highLast = larger(secondHigh[d], firstHigh[d])
            if tracking { changed |= (lowLast != low[d] ? 1 : 0) | (highLast != high[d] ? 1 : 0) }
            low[d] = lowLast
            high[d] = highLast
            range += highLast - lowLast
        }
        return (changed != 0, range)
    }
}
