/// An independent PNG reader for the tests, written from the PNG and zlib specifications
/// without sharing code with the encoder: it checks the signature, every chunk's CRC (computed
/// bit by bit), the zlib header and Adler-32, inflates stored deflate blocks only, and undoes
/// filter type 0 only, which is all the encoder writes.
struct DecodedPNG {
    let width: Int
    let height: Int
    /// RGB bytes, row by row.
    let pixels: [UInt8]
    /// The chunk types in file order.
    let chunkTypes: [String]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: [137, 80, 78, 71, 13, 10, 26, 10]) else { throw Failure(description: "bad signature") }
        var offset = 8
        var types: [String] = []
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Failure(description: "truncated chunk at \(offset)") }
            let length = Int(Self.uint32(bytes, offset))
            guard offset + 12 + length <= bytes.count else { throw Failure(description: "chunk overruns the file") }
            let typeAndData = Array(bytes[(offset + 4)..<(offset + 8 + length)])
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            guard Self.crc(typeAndData) == Self.uint32(bytes, offset + 8 + length) else {
                throw Failure(description: "bad CRC in \(type)")
            }
            types.append(type)
            switch type {
            case "IHDR": header = Array(typeAndData.dropFirst(4))
            case "IDAT": compressed += typeAndData.dropFirst(4)
            default: break
            }
            offset += 12 + length
        }
        guard types.first == "IHDR", types.last == "IEND", header.count == 13 else {
            throw Failure(description: "chunks \(types)")
        }
        guard header[8...] == [8, 2, 0, 0, 0] else { throw Failure(description: "not 8-bit RGB: \(header)") }
        width = Int(Self.uint32(header, 0))
        height = Int(Self.uint32(header, 4))
        chunkTypes = types
        let raw = try Self.inflateStored(compressed)
        let stride = width * 3 + 1
        guard raw.count == stride * height else { throw Failure(description: "\(raw.count) bytes for \(width)x\(height)") }
        var pixels: [UInt8] = []
        for row in 0..<height {
            guard raw[row * stride] == 0 else { throw Failure(description: "row \(row) uses filter \(raw[row * stride])") }
            pixels += raw[(row * stride + 1)..<((row + 1) * stride)]
        }
        self.pixels = pixels
    }

    /// The RGB bytes of the pixel at `x`, `y`.
    func pixel(x: Int, y: Int) -> [UInt8] {
        Array(pixels[((y * width + x) * 3)..<((y * width + x) * 3 + 3)])
    }

    private static func inflateStored(_ stream: [UInt8]) throws -> [UInt8] {
        guard stream.count >= 6, stream[0] & 0x0F == 8, (Int(stream[0]) * 256 + Int(stream[1])) % 31 == 0,
              stream[1] & 0x20 == 0
        else { throw Failure(description: "bad zlib header") }
        var offset = 2
        var output: [UInt8] = []
        var final = false
        while !final {
            guard offset + 5 <= stream.count else { throw Failure(description: "truncated deflate block") }
            final = stream[offset] & 1 == 1
            guard (stream[offset] >> 1) & 3 == 0 else { throw Failure(description: "not a stored block") }
            let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
            let complement = Int(stream[offset + 3]) | Int(stream[offset + 4]) << 8
            guard length ^ complement == 0xFFFF else { throw Failure(description: "LEN and NLEN disagree") }
            offset += 5
            guard offset + length <= stream.count else { throw Failure(description: "block overruns the stream") }
            output += stream[offset..<(offset + length)]
            offset += length
        }
        guard offset + 4 == stream.count else { throw Failure(description: "\(stream.count - offset) bytes after the blocks") }
        var a = 1
        var b = 0
        for byte in output {
            a = (a + Int(byte)) % 65_521
            b = (b + a) % 65_521
        }
        guard UInt32(b << 16 | a) == uint32(stream, offset) else { throw Failure(description: "bad Adler-32") }
        return output
    }

    private static func crc(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = (crc >> 1) ^ (crc & 1 == 0 ? 0 : 0xEDB8_8320)
            }
        }
        return ~crc
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
