/// A mailbox: an address such as `ops@example.com` with an optional display name.
///
/// The address is validated when the value is made, so it can be written into SMTP commands
/// (`MAIL FROM:<…>`, `RCPT TO:<…>`) and header fields without any risk of injection.
/// Only plain ASCII addresses are accepted (no quoted local parts, no internationalized addresses).
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The bare address (`local@domain`), used in the SMTP envelope.
    public let address: String
    /// The human-readable name shown by mail clients, if any. Line breaks and other control
    /// characters are replaced by spaces when the header is rendered.
    public let displayName: String?

    /// Validates `address` and makes a mailbox.
    /// - Throws: ``EmailAddressError`` when `address` is not a plain `local@domain` address.
    public init(_ address: String, displayName: String? = nil) throws(EmailAddressError) {
        if let reason = Self.problem(with: address) {
            throw EmailAddressError(address: address, reason: reason)
        }
        self.address = address
        self.displayName = displayName
    }

    /// The mailbox as `Name <local@domain>` or `local@domain`.
    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    /// The domain part of the address, after the last `@`.
    var domain: Substring {
        address[address.index(after: address.lastIndex(of: "@") ?? address.startIndex)...]
    }

    private static let maximumLength = 254
    private static let maximumLocalPartLength = 64
    private static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    private static func problem(with address: String) -> String? {
        guard address.utf8.count <= maximumLength else { return "longer than \(maximumLength) characters" }
        guard let at = address.lastIndex(of: "@") else { return "missing @" }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= maximumLocalPartLength else { return "bad local part length" }
        guard isDotAtom(local, allowing: { isATextByte($0) }) else { return "invalid character in local part" }
        guard isDomain(domain) else { return "invalid domain" }
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isATextByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || atextSymbols.contains(byte)
    }

    private static func isHostNameByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-")
    }

    /// Dot-separated non-empty runs of allowed bytes.
    private static func isDotAtom(_ text: Substring, allowing allowed: (UInt8) -> Bool) -> Bool {
        text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0.allSatisfy(allowed) }
    }

    /// A host name (`mail.example.com`) or an address literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`).
    private static func isDomain(_ domain: Substring) -> Bool {
        if domain.hasPrefix("["), domain.hasSuffix("]"), domain.count > 2 {
            let literal = domain.dropFirst().dropLast()
            let body = literal.hasPrefix("IPv6:") ? literal.dropFirst(5) : literal
            return !body.isEmpty && body.allSatisfy { $0.isASCII && ($0.isHexDigit || $0 == "." || $0 == ":") }
        }
        return isDotAtom(domain, allowing: { isHostNameByte($0) })
    }
}

/// Why a string was refused as an e-mail address.
public struct EmailAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The refused text.
    public let address: String
    /// What is wrong with it.
    public let reason: String

    /// A one-line explanation naming the refused address.
    public var description: String { "invalid e-mail address \(address.debugDescription): \(reason)" }
}
