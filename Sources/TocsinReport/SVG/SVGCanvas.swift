/// Builds one inline SVG image from rectangles, lines, paths, circles and text.
///
/// Every element gets explicit colours (the report's pages need no stylesheet to draw it) and
/// optionally a class naming what it shows. Text is escaped; coordinates have one decimal.
struct SVGCanvas {
    /// The image width in pixels.
    let width: Int
    /// The image height in pixels.
    let height: Int
    private let label: String
    private var elements: [String] = []

    /// An empty image whose accessible name is `label`.
    init(width: Int, height: Int, label: String) {
        self.width = width
        self.height = height
        self.label = label
    }

    /// A filled rectangle, with an optional tooltip.
    mutating func rect(_ frame: PlotRect, fill: RGBColor, className: String? = nil, tooltip: String? = nil) {
        let attributes = "x=\"\(Self.number(frame.x))\" y=\"\(Self.number(frame.y))\" "
            + "width=\"\(Self.number(max(frame.width, 0)))\" height=\"\(Self.number(max(frame.height, 0)))\" "
            + "fill=\"\(fill.css)\"" + Self.classAttribute(className)
        if let tooltip {
            elements.append("<rect \(attributes)><title>\(HTMLText.escape(tooltip))</title></rect>")
        } else {
            elements.append("<rect \(attributes)/>")
        }
    }

    /// A straight line; `dashed` draws it in 4-pixel dashes.
    mutating func line(
        from start: (x: Double, y: Double), to end: (x: Double, y: Double), stroke: RGBColor,
        width: Double = 1, dashed: Bool = false, className: String? = nil
    ) {
        elements.append(
            "<line x1=\"\(Self.number(start.x))\" y1=\"\(Self.number(start.y))\" "
                + "x2=\"\(Self.number(end.x))\" y2=\"\(Self.number(end.y))\" stroke=\"\(stroke.css)\" "
                + "stroke-width=\"\(Self.number(width))\"" + (dashed ? " stroke-dasharray=\"4 3\"" : "")
                + Self.classAttribute(className) + "/>")
    }

    /// An unfilled path.
    mutating func path(_ path: SVGPath, stroke: RGBColor, width: Double = 1, className: String? = nil) {
        guard !path.isEmpty else { return }
        elements.append(
            "<path d=\"\(path.data)\" fill=\"none\" stroke=\"\(stroke.css)\" stroke-width=\"\(Self.number(width))\" "
                + "stroke-linejoin=\"round\"" + Self.classAttribute(className) + "/>")
    }

    /// A filled circle.
    mutating func circle(center: (x: Double, y: Double), radius: Double, fill: RGBColor, className: String? = nil) {
        elements.append(
            "<circle cx=\"\(Self.number(center.x))\" cy=\"\(Self.number(center.y))\" r=\"\(Self.number(radius))\" "
                + "fill=\"\(fill.css)\"" + Self.classAttribute(className) + "/>")
    }

    /// How text lines up with its anchor point.
    enum Anchor: String {
        case start, middle, end
    }

    /// Text whose baseline starts, is centred or ends at `point`.
    mutating func text(
        _ text: String, at point: (x: Double, y: Double), anchor: Anchor = .start, size: Int = 11,
        fill: RGBColor = ReportPalette.ink, className: String? = nil
    ) {
        elements.append(
            "<text x=\"\(Self.number(point.x))\" y=\"\(Self.number(point.y))\" text-anchor=\"\(anchor.rawValue)\" "
                + "font-size=\"\(size)\" fill=\"\(fill.css)\"" + Self.classAttribute(className) + ">"
                + HTMLText.escape(text) + "</text>")
    }

    /// The image as an `<svg>` element.
    var markup: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" "
            + "font-family=\"sans-serif\">\n" + elements.joined(separator: "\n") + "\n</svg>"
    }

    /// A coordinate with one decimal.
    static func number(_ value: Double) -> String { NumberText.fixed(value, 1) }

    private static func classAttribute(_ className: String?) -> String {
        className.map { " class=\"\($0)\"" } ?? ""
    }
}
