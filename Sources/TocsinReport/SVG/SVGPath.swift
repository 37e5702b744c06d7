/// The `d` attribute of an SVG path, built from polyline segments.
struct SVGPath: Sendable {
    /// The path data, for example `M10.0 20.0L11.0 25.5`.
    private(set) var data = ""

    /// Whether the path has no segments.
    var isEmpty: Bool { data.isEmpty }

    /// Starts a new segment at `point`.
    mutating func move(to point: (x: Double, y: Double)) {
        data += "M" + SVGCanvas.number(point.x) + " " + SVGCanvas.number(point.y)
    }

    /// Draws a straight line to `point`.
    mutating func line(to point: (x: Double, y: Double)) {
        data += "L" + SVGCanvas.number(point.x) + " " + SVGCanvas.number(point.y)
    }

    /// Adds each polyline of `segments` as its own segment.
    mutating func add(polylines segments: [[(x: Double, y: Double)]]) {
        for segment in segments {
            guard let first = segment.first else { continue }
            move(to: first)
            if segment.count == 1 {
                line(to: first)
            }
            for point in segment.dropFirst() {
                line(to: point)
            }
        }
    }
}
