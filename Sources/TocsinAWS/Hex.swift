import Crypto

/// Lower-case hexadecimal text of digests, as SigV4 writes hashes and signatures.
enum Hex {
    /// The lower-case hex SHA-256 of `bytes`.
    static func sha256<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return encode(hasher.finalize())
    }

    /// `bytes` as lower-case hex digits.
    static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
