/// A colour as red, green and blue bytes.
struct RGBColor: Sendable, Equatable {
    /// Red, 0...255.
    let red: UInt8
    /// Green, 0...255.
    let green: UInt8
    /// Blue, 0...255.
    let blue: UInt8

    /// The colour `0xRRGGBB`.
    init(_ hex: UInt32) {
        red = UInt8(truncatingIfNeeded: hex >> 16)
        green = UInt8(truncatingIfNeeded: hex >> 8)
        blue = UInt8(truncatingIfNeeded: hex)
    }

    /// The colour as CSS/SVG text, `#rrggbb`.
    var css: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for byte in [red, green, blue] {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return text
    }
}

/// The colours of the report, shared by the pages and the summary image.
enum ReportPalette {
    /// The page and image background.
    static let background = RGBColor(0xFFFFFF)
    /// Text and axes.
    static let ink = RGBColor(0x222222)
    /// Secondary text.
    static let mutedInk = RGBColor(0x666666)
    /// Grid lines.
    static let grid = RGBColor(0xDDDDDD)
    /// The band behind this run's scoreboard entry.
    static let highlight = RGBColor(0xFFF1C2)
    /// The bar colour of each scoreboard profile, in ``ScoreboardEntry/profileNames`` order.
    static let profiles = [RGBColor(0x3366CC), RGBColor(0xE08A1E), RGBColor(0x2E9E5B)]
    /// The series line.
    static let series = RGBColor(0x2F4B7C)
    /// Anomaly windows.
    static let window = RGBColor(0xF7CFCF)
    /// The probation period, which NAB does not score.
    static let probation = RGBColor(0xEBEBEB)
    /// Detections and the threshold.
    static let detection = RGBColor(0xD62728)
    /// Histogram bars.
    static let histogram = RGBColor(0x7A8FB8)
}
