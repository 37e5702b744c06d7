/// The identity of a label set, computed exactly as Prometheus and Alertmanager compute it, so an
/// alert that Tocsin also forwards to a real Alertmanager deduplicates under the same key.
///
/// The hash is 64-bit FNV-1a over, for every label in byte order of the names: the name's UTF-8
/// bytes, a `0xff` separator, the value's UTF-8 bytes and another `0xff` separator. The empty
/// label set hashes to the FNV offset basis. The text form is 16 lower-case hexadecimal digits,
/// as Alertmanager prints it.
public struct Fingerprint: Sendable, Hashable, Comparable, Codable, CodingKeyRepresentable,
    CustomStringConvertible {
    /// The 64-bit hash.
    public let rawValue: UInt64

    /// Wraps an already computed hash.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// The fingerprint of a label set.
    public init(labels: [String: String]) {
        let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        let separator: UInt8 = 0xff
        var hash = offsetBasis
        func add(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* prime
        }
        for name in labels.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            name.utf8.forEach(add)
            add(separator)
            labels[name]!.utf8.forEach(add)
            add(separator)
        }
        rawValue = hash
    }

    /// Parses the 16-digit hexadecimal text form; `nil` when `text` is not one.
    public init?(_ text: String) {
        let isHexDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte | 0x20) }
        guard text.utf8.count == 16, text.utf8.allSatisfy(isHexDigit), let value = UInt64(text, radix: 16) else {
            return nil
        }
        rawValue = value
    }

    /// 16 lower-case hexadecimal digits, zero-padded.
    public var description: String {
        let digits = String(rawValue, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Decodes the hexadecimal text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let fingerprint = Fingerprint(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a fingerprint: \(text)")
        }
        self = fingerprint
    }

    /// Encodes the hexadecimal text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The hexadecimal text form, so dictionaries keyed by fingerprint encode as objects.
    public var codingKey: any CodingKey {
        FingerprintKey(stringValue: description)
    }

    /// Parses a dictionary key written by ``codingKey``.
    public init?<T: CodingKey>(codingKey: T) {
        self.init(codingKey.stringValue)
    }
}

/// The coding key of a fingerprint-keyed dictionary entry.
private struct FingerprintKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        return nil
    }
}
