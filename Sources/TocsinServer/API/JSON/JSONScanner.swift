/// A forward-only reader of JSON text (RFC 8259) over raw bytes, for the hot ingest path
/// where Foundation's `JSONDecoder` costs several times more than everything else. It
/// reads values in place, allocating only the strings it returns.
struct JSONScanner {
    /// Why the text is not JSON, at a byte offset.
    struct SyntaxError: Error {
        let offset: Int
        let reason: String
    }

    /// The JSON type of the next value.
    enum Kind {
        case object, array, string, number, bool, null
    }

    let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// The kind of the next value (after whitespace), without consuming it.
    mutating func peekKind() throws(SyntaxError) -> Kind {
        skipWhitespace()
        guard offset < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw fail("unexpected character")
        }
    }

    /// Consumes `byte` after whitespace, or fails.
    mutating func expect(_ byte: UInt8) throws(SyntaxError) {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == byte else {
            throw fail("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        offset += 1
    }

    /// Consumes `byte` after whitespace if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    /// Iterates the members of an object: `body` gets each key and must consume its value.
    mutating func members(_ body: (inout JSONScanner, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        repeat {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// Iterates the elements of an array: `body` gets each index and must consume the element.
    mutating func elements(_ body: (inout JSONScanner, Int) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if consume(UInt8(ascii: "]")) { return }
        var index = 0
        repeat {
            try body(&self, index)
            index += 1
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// A string value, unescaped; invalid UTF-8 is a syntax error.
    mutating func string() throws(SyntaxError) -> String {
        try expect(UInt8(ascii: "\""))
        let start = offset
        var escaped = false
        var ascii = true
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
                offset += 1
                if escaped { return try unescape(raw, at: start) }
                // ASCII needs no validation, and most names and labels are ASCII.
                if ascii { return String(decoding: raw, as: UTF8.self) }
                guard let text = String(validating: raw, as: UTF8.self) else { throw SyntaxError(offset: start, reason: "invalid UTF-8") }
                return text
            }
            if byte >= 0x80 { ascii = false }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                offset += 2
                continue
            }
            guard byte >= 0x20 else { throw fail("control character in a string") }
            offset += 1
        }
        throw SyntaxError(offset: start, reason: "unterminated string")
    }

    /// A number value.
    mutating func number() throws(SyntaxError) -> Double {
        skipWhitespace()
        let start = offset
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                offset += 1
            default:
                return try parseNumber(from: start)
            }
        }
        return try parseNumber(from: start)
    }

    /// `true` or `false`.
    mutating func bool() throws(SyntaxError) -> Bool {
        if literal("true") { return true }
        if literal("false") { return false }
        throw fail("expected true or false")
    }

    /// Consumes `null` if it is next.
    mutating func null() -> Bool {
        literal("null")
    }

    /// Skips any value.
    mutating func skipValue() throws {
        switch try peekKind() {
        case .object: try members { scanner, _ in try scanner.skipValue() }
        case .array: try elements { scanner, _ in try scanner.skipValue() }
        case .string: _ = try string()
        case .number: _ = try number()
        case .bool: _ = try bool()
        case .null: guard null() else { throw fail("expected null") }
        }
    }

    func fail(_ reason: String) -> SyntaxError {
        SyntaxError(offset: offset, reason: reason)
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        skipWhitespace()
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        for index in 0..<count where bytes[offset + index] != word.utf8Start[index] { return false }
        offset += count
        return true
    }

    /// Validates the JSON number grammar, then converts with the standard library.
    private func parseNumber(from start: Int) throws(SyntaxError) -> Double {
        var index = start
        func digits() -> Int {
            let first = index
            while index < offset, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if index < offset, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let leading = index
        guard digits() > 0 else { throw SyntaxError(offset: start, reason: "invalid number") }
        if bytes[leading] == UInt8(ascii: "0"), index - leading > 1 { throw SyntaxError(offset: start, reason: "invalid number") }
        if index < offset, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw SyntaxError(offset: start, reason: "invalid number") }
        }
        if index < offset, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < offset, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw SyntaxError(offset: start, reason: "invalid number") }
        }
        guard index == offset,
              let value = Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
        else { throw SyntaxError(offset: start, reason: "invalid number") }
        return value
    }

    private func unescape(_ raw: UnsafeRawBufferPointer, at start: Int) throws(SyntaxError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 < raw.count else { throw SyntaxError(offset: start + index, reason: "invalid \\u escape") }
            var value: UInt32 = 0
            for position in index + 1...index + 4 {
                let byte = raw[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw SyntaxError(offset: start + position, reason: "invalid \\u escape")
                }
                value = value << 4 | UInt32(digit)
            }
            index += 4
            return value
        }
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < raw.count else { throw SyntaxError(offset: start + index, reason: "invalid escape") }
            switch raw[index] {
            case UInt8(ascii: "\""): output.append(0x22)
            case UInt8(ascii: "\\"): output.append(0x5C)
            case UInt8(ascii: "/"): output.append(0x2F)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 2 < raw.count, raw[index + 1] == UInt8(ascii: "\\"), raw[index + 2] == UInt8(ascii: "u") else {
                        throw SyntaxError(offset: start + index, reason: "unpaired surrogate")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw SyntaxError(offset: start + index, reason: "unpaired surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw SyntaxError(offset: start + index, reason: "unpaired surrogate") }
                output.append(contentsOf: String(Character(unicode)).utf8)
            default:
                throw SyntaxError(offset: start + index, reason: "invalid escape")
            }
            index += 1
        }
        guard let text = String(validating: output, as: UTF8.self) else { throw SyntaxError(offset: start, reason: "invalid UTF-8") }
        return text
    }
}
