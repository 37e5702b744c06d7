/// Replaces the variable parts of one whitespace-free token with the wildcard `<*>`, the
/// preprocessing step of Drain that keeps numbers and ids out of templates.
///
/// Rules, first match wins:
/// 1. a quoted string (`"…"` or `'…'`, possibly spanning spaces) becomes `"<*>"`;
/// 2. `key=value` keeps the key: `user=<*>`;
/// 3. after setting aside wrapping punctuation (`(`, `[`, trailing `,`, `:`, `.` …), an
///    e-mail address, IPv4 address (with port or prefix), IPv6 address or clock time, UUID,
///    hexadecimal id or number becomes `<*>`; a number keeps a short unit (`350ms` → `<*>ms`);
/// 4. in a path with digits every `/`-separated segment holding a digit becomes `<*>`
///    (`/api/users/42` → `/api/users/<*>`);
/// 5. otherwise every alphanumeric run that is all digits or a hexadecimal id becomes `<*>`
///    (`db-7` → `db-<*>`), while words with digits inside (`http2`) stay as they are.
enum TokenMasker {
    /// The masked form of `token`.
    static func mask(_ token: UnsafeBufferPointer<UInt8>) -> String {
        guard let first = token.first else { return "" }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'"),
           let close = token.dropFirst().lastIndex(of: first) {
            return text([first]) + LogTemplate.wildcard + text([first]) + text(token[(close + 1)...])
        }
        if let equals = token.firstIndex(of: UInt8(ascii: "=")), isKey(token[..<equals]) {
            let hasValue = equals + 1 < token.count
            return text(token[...equals]) + (hasValue ? LogTemplate.wildcard : "")
        }
        guard TokenShape.containsDigit(token) || token.contains(UInt8(ascii: "@")) else { return text(token[...]) }
        return maskCore(token)
    }

    private static let openers = Array("([{<".utf8)
    private static let closers = Array(")]}>,;:.!?".utf8)

    /// Masks the token without its wrapping punctuation and puts the punctuation back.
    private static func maskCore(_ token: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var end = token.count
        while start < end, openers.contains(token[start]) { start += 1 }
        while end > start, closers.contains(token[end - 1]) { end -= 1 }
        guard start < end else { return text(token[...]) }
        let core = UnsafeBufferPointer(rebasing: token[start..<end])
        let prefix = text(token[..<start])
        let suffix = text(token[end...])
        if TokenShape.isEmail(core) || TokenShape.isIPv4(core) || TokenShape.isColonGroups(core)
            || TokenShape.isUUID(core) || TokenShape.isHexID(core) {
            return prefix + LogTemplate.wildcard + suffix
        }
        let numberLength = TokenShape.numberPrefixLength(core)
        if numberLength > 0 {
            let rest = UnsafeBufferPointer(rebasing: core[numberLength...])
            if rest.isEmpty || TokenShape.isUnit(rest) {
                return prefix + LogTemplate.wildcard + text(rest[...]) + suffix
            }
        }
        if core.contains(UInt8(ascii: "/")) {
            return prefix + maskPathSegments(core) + suffix
        }
        return prefix + maskAlphanumericRuns(core) + suffix
    }

    /// Whether `bytes` can be the key of `key=value`: a letter or `_` followed by letters,
    /// digits, `_`, `-` or `.`.
    private static func isKey(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = bytes.first, TokenShape.isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return bytes.allSatisfy { byte in
            TokenShape.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
    }

    private static func maskPathSegments(_ path: UnsafeBufferPointer<UInt8>) -> String {
        path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .map { segment in segment.contains(where: TokenShape.isDigit) ? LogTemplate.wildcard : text(segment) }
            .joined(separator: "/")
    }

    private static func maskAlphanumericRuns(_ core: UnsafeBufferPointer<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(core.count + 2)
        var index = 0
        while index < core.count {
            guard TokenShape.isAlphanumeric(core[index]) else {
                result.append(core[index])
                index += 1
                continue
            }
            let start = index
            while index < core.count, TokenShape.isAlphanumeric(core[index]) { index += 1 }
            let run = UnsafeBufferPointer(rebasing: core[start..<index])
            if run.allSatisfy(TokenShape.isDigit) || TokenShape.isHexID(run) {
                result.append(contentsOf: LogTemplate.wildcard.utf8)
            } else {
                result.append(contentsOf: run)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func text(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
