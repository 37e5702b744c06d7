import Testing
@testable import TocsinReport

@Suite struct PNGEncoderTests {
    @Test func checksumsMatchKnownValues() {
        // Every PNG ends with the IEND chunk, whose CRC is AE 42 60 82.
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Adler32.checksum([]) == 1)
    }

    @Test func aSmallImageDecodesToTheSamePixels() throws {
        var image = RasterImage(width: 7, height: 5, background: RGBColor(0x102030))
        image.fill(x: 2, y: 1, width: 3, height: 2, color: RGBColor(0xFF8000))
        image.line(from: (0, 4), to: (6, 0), color: RGBColor(0x00FF7F))
        let decoded = try DecodedPNG(PNGEncoder.encode(image))
        #expect(decoded.width == 7)
        #expect(decoded.height == 5)
        #expect(decoded.chunkTypes == ["IHDR", "IDAT", "IEND"])
        #expect(decoded.pixels == image.pixels)
        #expect(decoded.pixel(x: 0, y: 0) == [0x10, 0x20, 0x30])
        #expect(decoded.pixel(x: 4, y: 2) == [0xFF, 0x80, 0x00])
        #expect(decoded.pixel(x: 6, y: 0) == [0x00, 0xFF, 0x7F])
    }

    @Test func largeImagesSpanSeveralStoredBlocks() throws {
        var image = RasterImage(width: 300, height: 200, background: RGBColor(0xFFFFFF))
        for row in 0..<200 {
            image.fill(x: row, y: row, width: 100, height: 1, color: RGBColor(UInt32(row) << 16 | 0x00AA))
        }
        let bytes = PNGEncoder.encode(image)
        // 200 rows of 1 + 900 bytes need three blocks of at most 65,535 bytes.
        #expect(ZlibStream.stored([UInt8](repeating: 0, count: 200 * 901)).count == 2 + 3 * 5 + 200 * 901 + 4)
        let decoded = try DecodedPNG(bytes)
        #expect(decoded.pixels == image.pixels)
    }

    @Test func theDecoderCatchesCorruption() throws {
        var bytes = PNGEncoder.encode(RasterImage(width: 4, height: 4, background: RGBColor(0x336699)))
        bytes[bytes.count - 20] ^= 0x01
        #expect(throws: DecodedPNG.Failure.self) { try DecodedPNG(bytes) }
    }

    @Test func anEmptyStreamIsOneFinalBlock() {
        #expect(ZlibStream.stored([]) == [0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01])
    }
}
