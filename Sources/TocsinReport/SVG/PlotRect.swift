/// An axis-aligned rectangle in drawing coordinates (y grows downwards).
struct PlotRect: Sendable, Equatable {
    /// The left edge.
    var x: Double
    /// The top edge.
    var y: Double
    /// The width.
    var width: Double
    /// The height.
    var height: Double

    /// The right edge.
    var right: Double { x + width }
    /// The bottom edge.
    var bottom: Double { y + height }
    /// The centre.
    var center: (x: Double, y: Double) { (x + width / 2, y + height / 2) }
}
