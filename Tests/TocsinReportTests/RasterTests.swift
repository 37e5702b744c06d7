import Testing
@testable import TocsinReport

@Suite struct RasterTests {
    @Test func fillsAreClippedToTheImage() {
        var image = RasterImage(width: 4, height: 3, background: RGBColor(0x000000))
        image.fill(x: -2, y: 2, width: 10, height: 10, color: RGBColor(0xFFFFFF))
        let lit = (0..<3).flatMap { y in (0..<4).map { x in image.pixel(x: x, y: y) == RGBColor(0xFFFFFF) } }
        #expect(lit == [false, false, false, false, false, false, false, false, true, true, true, true])
    }

    @Test func linesJoinTheirEnds() {
        var image = RasterImage(width: 10, height: 10, background: RGBColor(0x000000))
        image.line(from: (1, 8), to: (8, 2), color: RGBColor(0xFF0000))
        #expect(image.pixel(x: 1, y: 8) == RGBColor(0xFF0000))
        #expect(image.pixel(x: 8, y: 2) == RGBColor(0xFF0000))
        let count = (0..<10).flatMap { y in (0..<10).map { x in image.pixel(x: x, y: y) } }.filter { $0 == RGBColor(0xFF0000) }.count
        #expect(count == 8)
    }

    @Test func everyPrintableCharacterHasItsOwnGlyph() {
        var seen: [[UInt8]: Character] = [:]
        for code in 33...126 {
            let scalar = Unicode.Scalar(UInt8(code))
            let rows = BitmapFont.rows(of: scalar)
            #expect((7...8).contains(rows.count), "\(scalar)")
            #expect(rows.contains { $0 != 0 } && rows.allSatisfy { $0 < 32 }, "\(scalar)")
            if let twin = seen[rows] { Issue.record("\(scalar) looks like \(twin)") }
            seen[rows] = Character(scalar)
        }
        #expect(BitmapFont.rows(of: " ").isEmpty)
        #expect(BitmapFont.rows(of: "é") == BitmapFont.rows(of: "?"))
    }

    @Test func textIsDrawnInItsBox() {
        var image = RasterImage(width: 40, height: 20, background: RGBColor(0xFFFFFF))
        image.text("Hi", x: 2, y: 3, scale: 2, color: RGBColor(0x000000))
        #expect(BitmapFont.width(of: "Hi", scale: 2) == 22)
        var inked: [(x: Int, y: Int)] = []
        for y in 0..<20 {
            for x in 0..<40 where image.pixel(x: x, y: y) == RGBColor(0x000000) {
                inked.append((x, y))
            }
        }
        #expect(!inked.isEmpty)
        #expect(inked.allSatisfy { (2..<24).contains($0.x) && (3..<19).contains($0.y) })
        // The left stem of H fills the first font column from top to baseline.
        #expect((3..<17).allSatisfy { image.pixel(x: 2, y: $0) == RGBColor(0x000000) })
    }
}
