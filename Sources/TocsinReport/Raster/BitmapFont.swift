/// A built-in 5×8 pixel font for printable ASCII, drawn at whole-number scales. Characters
/// it lacks are drawn as `?`.
enum BitmapFont {
    /// Glyph width in font pixels.
    static let glyphWidth = 5
    /// Glyph height in font pixels, including one row below the baseline.
    static let glyphHeight = 8
    /// Horizontal distance between characters in font pixels.
    static let advance = 6

    /// The rows of each glyph from `!` (code 33) to `~` (126), five bits each, the leftmost
    /// pixel in bit 4.
    private static let glyphs: [[UInt8]] = {
        var glyphs = [[UInt8]](repeating: [], count: 127 - 33)
        for line in BitmapFontGlyphs.table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let code = fields.first?.unicodeScalars.first?.value, (33...126).contains(code) else { continue }
            glyphs[Int(code) - 33] = fields.dropFirst().map { row in
                row.reduce(0) { bits, pixel in bits << 1 | (pixel == "1" ? 1 : 0) }
            }
        }
        return glyphs
    }()

    /// The width of `text` in image pixels at `scale`.
    static func width(of text: String, scale: Int) -> Int {
        max(text.unicodeScalars.count * advance - 1, 0) * scale
    }

    /// The rows of the glyph for `character`; a space is blank.
    static func rows(of character: Unicode.Scalar) -> [UInt8] {
        if character == " " { return [] }
        let code = Int(character.value)
        return (33...126).contains(code) ? glyphs[code - 33] : glyphs[Int(("?" as Unicode.Scalar).value) - 33]
    }
}

extension RasterImage {
    /// Draws `text` in ``BitmapFont`` with its top-left corner at `x`, `y`, each font pixel
    /// a `scale`×`scale` square.
    mutating func text(_ text: String, x: Int, y: Int, scale: Int = 1, color: RGBColor) {
        for (index, character) in text.unicodeScalars.enumerated() {
            let left = x + index * BitmapFont.advance * scale
            for (row, bits) in BitmapFont.rows(of: character).enumerated() {
                for column in 0..<BitmapFont.glyphWidth where bits & (1 << (BitmapFont.glyphWidth - 1 - column)) != 0 {
                    fill(x: left + column * scale, y: y + row * scale, width: scale, height: scale, color: color)
                }
            }
        }
    }
}
