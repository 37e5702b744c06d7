/// An additional header field for an ``EmailMessage``, such as `X-Tocsin-Alert: cpu-high`.
///
/// Names and values are validated when the field is made: a value can never contain a line break,
/// so a field can never smuggle in another header. Fields that the renderer writes itself
/// (`From`, `To`, `Cc`, `Bcc`, `Subject`, `Date`, `Message-ID`, `MIME-Version`, `Content-*`) are refused.
public struct EmailHeaderField: Sendable, Hashable {
    /// The field name, e.g. `X-Tocsin-Alert`.
    public let name: String
    /// The field value: printable ASCII, spaces and tabs only. Long values are folded at spaces.
    public let value: String

    /// The longest accepted value; with the longest name it still fits a 998-character line unfolded.
    public static let maximumValueLength = 900
    private static let maximumNameLength = 76
    private static let reservedNames: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version",
        "content-type", "content-transfer-encoding",
    ]

    /// Validates and makes a header field.
    /// - Throws: ``EmailHeaderFieldError`` for an empty, over-long, reserved or malformed name,
    ///   or a value with line breaks, control characters, non-ASCII text or more than ``maximumValueLength`` characters.
    public init(name: String, value: String) throws(EmailHeaderFieldError) {
        guard !name.isEmpty, name.utf8.count <= Self.maximumNameLength,
            name.utf8.allSatisfy({ (33...126).contains($0) && $0 != UInt8(ascii: ":") })
        else { throw EmailHeaderFieldError(name: name, reason: "the name must be 1 to 76 printable ASCII characters without a colon") }
        guard !Self.reservedNames.contains(name.lowercased()) else {
            throw EmailHeaderFieldError(name: name, reason: "this field is written by the renderer")
        }
        guard value.utf8.allSatisfy({ (32...126).contains($0) || $0 == UInt8(ascii: "\t") }) else {
            throw EmailHeaderFieldError(name: name, reason: "the value must be printable ASCII without line breaks")
        }
        guard value.utf8.count <= Self.maximumValueLength else {
            throw EmailHeaderFieldError(name: name, reason: "the value is longer than \(Self.maximumValueLength) characters")
        }
        self.name = name
        self.value = value
    }
}

/// Why a header field was refused.
public struct EmailHeaderFieldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The refused field name.
    public let name: String
    /// What is wrong with the field.
    public let reason: String

    /// A one-line explanation naming the refused field.
    public var description: String { "invalid header field \(name.debugDescription): \(reason)" }
}
