/// An RGB image in memory that can be painted with filled rectangles, lines and
/// ``BitmapFont`` text. Drawing outside the image is clipped.
struct RasterImage: Sendable, Equatable {
    /// The width in pixels.
    let width: Int
    /// The height in pixels.
    let height: Int
    /// Red, green and blue bytes of each pixel, row by row from the top.
    private(set) var pixels: [UInt8]

    /// An image filled with `background`.
    init(width: Int, height: Int, background: RGBColor) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        pixels = [UInt8](repeating: 0, count: self.width * self.height * 3)
        fill(x: 0, y: 0, width: width, height: height, color: background)
    }

    /// The colour of the pixel at `x`, `y`, which must lie inside the image.
    func pixel(x: Int, y: Int) -> RGBColor {
        let offset = (y * width + x) * 3
        return RGBColor(UInt32(pixels[offset]) << 16 | UInt32(pixels[offset + 1]) << 8 | UInt32(pixels[offset + 2]))
    }

    /// Paints the pixels of the rectangle with corner `x`, `y` and the given size.
    mutating func fill(x: Int, y: Int, width: Int, height: Int, color: RGBColor) {
        let left = max(x, 0)
        let right = min(x + width, self.width)
        let top = max(y, 0)
        let bottom = min(y + height, self.height)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            var offset = (row * self.width + left) * 3
            for _ in left..<right {
                pixels[offset] = color.red
                pixels[offset + 1] = color.green
                pixels[offset + 2] = color.blue
                offset += 3
            }
        }
    }

    /// Paints `frame` with its edges rounded to whole pixels.
    mutating func fill(_ frame: PlotRect, color: RGBColor) {
        let left = Int(frame.x.rounded())
        let top = Int(frame.y.rounded())
        fill(
            x: left, y: top, width: Int(frame.right.rounded()) - left, height: Int(frame.bottom.rounded()) - top,
            color: color)
    }

    /// Paints a one-pixel line from `start` to `end`, both ends included (Bresenham's algorithm).
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), color: RGBColor) {
        let dx = abs(end.x - start.x)
        let dy = -abs(end.y - start.y)
        let stepX = start.x < end.x ? 1 : -1
        let stepY = start.y < end.y ? 1 : -1
        var error = dx + dy
        var (x, y) = start
        while true {
            fill(x: x, y: y, width: 1, height: 1, color: color)
            if x == end.x && y == end.y { return }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }
}
