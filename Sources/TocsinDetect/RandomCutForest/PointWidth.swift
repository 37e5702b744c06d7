/// How many coordinates a forest's points have, as a type, so that the arithmetic of
/// points and boxes is compiled for it: with a fixed count every loop over coordinates
/// unrolls into straight-line code.
protocol PointWidth {
    /// The coordinates per point, given the forest's (a constant for a fixed width).
    static func dimensions(_ configured: Int) -> Int
}

/// Points of exactly `count` coordinates.
enum FixedWidth<let count: Int>: PointWidth {
    @inline(__always) static func dimensions(_ configured: Int) -> Int { count }
}

/// Points of any number of coordinates.
enum AnyWidth: PointWidth {
    @inline(__always) static func dimensions(_ configured: Int) -> Int { configured }
}
