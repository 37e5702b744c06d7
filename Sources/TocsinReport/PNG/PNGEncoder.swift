/// Encodes a ``RasterImage`` as a PNG file: 8-bit RGB, no interlacing, every scanline with
/// filter type 0 (none), the pixels in one IDAT chunk of stored deflate blocks.
enum PNGEncoder {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The PNG file of `image`.
    static func encode(_ image: RasterImage) -> [UInt8] {
        var header = bigEndian(UInt32(image.width)) + bigEndian(UInt32(image.height))
        // Bit depth 8, colour type 2 (RGB), deflate compression, adaptive filtering, no interlace.
        header += [8, 2, 0, 0, 0]
        let rowLength = image.width * 3
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((rowLength + 1) * image.height)
        for row in 0..<image.height {
            scanlines.append(0)
            scanlines += image.pixels[(row * rowLength)..<((row + 1) * rowLength)]
        }
        return signature + chunk("IHDR", header) + chunk("IDAT", ZlibStream.stored(scanlines)) + chunk("IEND", [])
    }

    /// A chunk: the data length, the type, the data and the CRC-32 of type and data.
    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeAndData = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typeAndData + bigEndian(CRC32.checksum(typeAndData))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
