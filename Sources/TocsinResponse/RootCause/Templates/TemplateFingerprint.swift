/// Stable identifiers for template texts: the 64-bit FNV-1a hash of the UTF-8 text as
/// 16 lowercase hexadecimal digits.
///
/// Unlike `Hasher`, which is seeded per process, the hash depends on the text only, so
/// ids can be stored, compared across restarts and used in links.
public enum TemplateFingerprint {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The identifier of a template text.
    public static func id(of text: String) -> String {
        var hash = offsetBasis
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* prime
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
