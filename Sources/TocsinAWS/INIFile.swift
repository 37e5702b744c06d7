/// The INI dialect of the shared AWS files, read as botocore's `configparser` reads it.
///
/// - `[name]` starts a section; the name is trimmed.
/// - `key = value` or `key: value` sets a key (lower-cased, trimmed) in the current section;
///   the value is trimmed and keeps everything after the first `=` or `:`, so `#` inside a
///   value is not a comment.
/// - Lines whose first non-blank character is `#` or `;` are comments; blank lines are skipped.
/// - An indented line after a key continues that key's value on a new line, which keeps nested
///   settings (`s3 =` followed by indented `key = value` lines) out of the section.
/// - A key repeated in a section, or a section repeated in the file, takes the last value.
struct INIFile: Sendable, Equatable {
    /// Keys and values of each section, by section name.
    var sections: [String: [String: String]]

    /// Parses `text`, read from `path`; errors name the path and line, never the line's text.
    init(parsing text: String, path: String) throws(AWSError) {
        var sections: [String: [String: String]] = [:]
        var section: String?
        var lastKey: String?
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if let first = rawLine.first, first == " " || first == "\t", let current = section, let key = lastKey {
                sections[current, default: [:]][key, default: ""] += "\n" + line
                continue
            }
            if line.hasPrefix("["), let close = line.lastIndex(of: "]") {
                let name = line[line.index(after: line.startIndex)..<close].trimmingSpaces()
                section = name
                lastKey = nil
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let current = section else {
                throw AWSError(.invalidConfiguration, "\(path) line \(index + 1): setting before any [section]")
            }
            guard let delimiter = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw AWSError(.invalidConfiguration, "\(path) line \(index + 1): expected [section], key = value or a comment")
            }
            let key = line[..<delimiter].trimmingSpaces().lowercased()
            guard !key.isEmpty else {
                throw AWSError(.invalidConfiguration, "\(path) line \(index + 1): setting without a name")
            }
            sections[current, default: [:]][key] = line[line.index(after: delimiter)...].trimmingSpaces()
            lastKey = key
        }
        self.sections = sections
    }
}
