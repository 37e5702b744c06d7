/// Wraps bytes in a zlib stream (RFC 1950) of uncompressed ("stored") deflate blocks
/// (RFC 1951, block type 0): valid for every inflater, simple, and larger than its input by
/// only 5 bytes per 65,535.
enum ZlibStream {
    /// The most bytes one stored block holds.
    static let maximumBlockLength = 65_535

    /// The zlib stream holding `bytes`.
    static func stored(_ bytes: [UInt8]) -> [UInt8] {
        // CMF 0x78: deflate with a 32 KiB window; FLG 0x01 makes CMF·256 + FLG a multiple of 31.
        var stream: [UInt8] = [0x78, 0x01]
        stream.reserveCapacity(bytes.count + 5 * (bytes.count / maximumBlockLength + 1) + 6)
        var start = 0
        repeat {
            let end = min(start + maximumBlockLength, bytes.count)
            let length = UInt16(end - start)
            // The block header: BFINAL in bit 0, BTYPE 00 in bits 1-2, padded to a whole byte.
            stream.append(end == bytes.count ? 1 : 0)
            stream += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            stream += bytes[start..<end]
            start = end
        } while start < bytes.count
        let adler = Adler32.checksum(bytes)
        stream += [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
        return stream
    }
}
