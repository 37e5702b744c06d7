/// Byte-level recognisers for the shapes of variable tokens: numbers, IP addresses,
/// UUIDs, hexadecimal ids and e-mail addresses. All take ASCII/UTF-8 bytes and are
/// allocation-free.
enum TokenShape {
    /// Whether the byte is an ASCII decimal digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Whether the byte is an ASCII letter.
    static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    /// Whether the byte is an ASCII hexadecimal digit.
    static func isHexDigit(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return isDigit(byte) || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f"))
    }

    /// Whether the byte is an ASCII letter or digit.
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || isLetter(byte)
    }

    /// Whether any byte is a decimal digit.
    static func containsDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains(where: isDigit)
    }

    /// The length of the decimal number at the start of `bytes` (`-12`, `3.5`, `1e-3`),
    /// or 0 when `bytes` does not start with one.
    static func numberPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            index += 1
        }
        let integerStart = index
        index = skipDigits(bytes, from: index)
        guard index > integerStart else { return 0 }
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), isDigit(bytes[index + 1]) {
            index = skipDigits(bytes, from: index + 1)
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            var exponent = index + 1
            if exponent < bytes.count, bytes[exponent] == UInt8(ascii: "-") || bytes[exponent] == UInt8(ascii: "+") {
                exponent += 1
            }
            let exponentEnd = skipDigits(bytes, from: exponent)
            if exponentEnd > exponent { index = exponentEnd }
        }
        return index
    }

    /// Whether `bytes` is a unit after a number: one to four letters (`ms`, `KiB`) or `%`.
    static func isUnit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count == 1, bytes[0] == UInt8(ascii: "%") { return true }
        return (1...4).contains(bytes.count) && bytes.allSatisfy(isLetter)
    }

    /// Whether `bytes` is a dotted IPv4 address, optionally with `:port` or `/prefix`.
    static func isIPv4(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        for octet in 0..<4 {
            if octet > 0 {
                guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return false }
                index += 1
            }
            let start = index
            var value = 0
            while index < bytes.count, isDigit(bytes[index]), index - start < 3 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard index > start, value <= 255 else { return false }
        }
        guard index < bytes.count else { return true }
        guard bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "/") else { return false }
        let suffixEnd = skipDigits(bytes, from: index + 1)
        return suffixEnd > index + 1 && suffixEnd == bytes.count
    }

    /// Whether `bytes` is colon-separated hexadecimal groups with at least two colons and a
    /// decimal digit: IPv6 addresses (`fe80::1`), MAC addresses and clock times (`12:30:45.5`).
    static func isColonGroups(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var colons = 0
        var digit = false
        for byte in bytes {
            if byte == UInt8(ascii: ":") {
                colons += 1
            } else if isDigit(byte) {
                digit = true
            } else if !isHexDigit(byte) && byte != UInt8(ascii: ".") {
                return false
            }
        }
        return colons >= 2 && digit
    }

    /// Whether `bytes` is a UUID in the 8-4-4-4-12 hexadecimal form.
    static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            let dash = index == 8 || index == 13 || index == 18 || index == 23
            guard dash ? byte == UInt8(ascii: "-") : isHexDigit(byte) else { return false }
        }
        return true
    }

    /// Whether `bytes` is a hexadecimal id: `0x` followed by hex digits, or at least eight
    /// hex digits of which at least one is a decimal digit (`9f8a7b6c`, a commit hash).
    static func isHexID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] | 0x20 == UInt8(ascii: "x") {
            return bytes.dropFirst(2).allSatisfy(isHexDigit)
        }
        return bytes.count >= 8 && bytes.allSatisfy(isHexDigit) && bytes.contains(where: isDigit)
    }

    /// Whether `bytes` is an e-mail address: one `@` between a non-empty local part and a
    /// dotted domain.
    static func isEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard local.allSatisfy({ isAlphanumeric($0) || "._%+-".utf8.contains($0) }),
              let firstDomainByte = domain.first, isAlphanumeric(firstDomainByte),
              let lastDomainByte = domain.last, isAlphanumeric(lastDomainByte),
              domain.contains(UInt8(ascii: ".")),
              domain.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
        else { return false }
        return true
    }

    private static func skipDigits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, isDigit(bytes[index]) {
            index += 1
        }
        return index
    }
}
