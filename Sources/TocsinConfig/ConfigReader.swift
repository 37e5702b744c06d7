import Yams

/// Reads settings out of a composed YAML document while collecting every problem with
/// its line, column and setting path, instead of stopping at the first one.
final class ConfigReader {
    private(set) var diagnostics: [ConfigDiagnostic] = []
    private let substitution: EnvironmentSubstitution

    init(environment: [String: String]) {
        substitution = EnvironmentSubstitution(environment: environment)
    }

    /// A setting: its node and its dotted path.
    struct Value {
        let node: Node
        let path: String

        func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }

    func report(_ value: Value, _ message: String) {
        report(value.node.mark, path: value.path, message)
    }

    func report(_ mark: Mark?, path: String, _ message: String) {
        diagnostics.append(ConfigDiagnostic(line: mark?.line ?? 0, column: mark?.column ?? 0, path: path, message: message))
    }

    /// The entries of a mapping, after reporting keys outside `allowed`; nil (reported)
    /// when the value is not a mapping.
    func mapping(_ value: Value, allowed: [String]) -> [String: Value]? {
        guard let mapping = value.node.mapping else {
            report(value, "expected a mapping with keys \(allowed.joined(separator: ", "))")
            return nil
        }
        var entries: [String: Value] = [:]
        for (key, node) in mapping {
            guard let name = key.scalar?.string else {
                report(key.mark, path: value.path, "keys must be plain names")
                continue
            }
            guard allowed.contains(name) else {
                let hint = Self.closest(to: name, in: allowed).map { " (did you mean \"\($0)\"?)" } ?? ""
                report(key.mark, path: value.child(name), "unknown setting\(hint); known here: \(allowed.joined(separator: ", "))")
                continue
            }
            entries[name] = Value(node: node, path: value.child(name))
        }
        return entries
    }

    /// The items of a sequence; nil (reported) otherwise.
    func sequence(_ value: Value) -> [Value]? {
        guard let sequence = value.node.sequence else {
            report(value, "expected a list")
            return nil
        }
        return sequence.enumerated().map { Value(node: $1, path: "\(value.path)[\($0)]") }
    }

    /// A scalar as text, with `${VAR}` substituted.
    func string(_ value: Value) -> String? {
        guard let scalar = value.node.scalar else {
            report(value, "expected a single value, not a list or mapping")
            return nil
        }
        switch substitution.apply(scalar.string) {
        case .success(let text): return text
        case .failure(let missing):
            report(value, "environment variable \(missing.name) is not set (write ${\(missing.name):-default} for a fallback)")
            return nil
        }
    }

    func int(_ value: Value, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(value) else { return nil }
        guard let number = Int(text) else {
            report(value, "expected a whole number, got \"\(text)\"")
            return nil
        }
        guard range.contains(number) else {
            report(value, "must be in \(range.lowerBound)...\(range.upperBound), got \(number)")
            return nil
        }
        return number
    }

    func bool(_ value: Value) -> Bool? {
        guard let text = string(value) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(value, "expected true or false, got \"\(text)\"")
            return nil
        }
    }

    /// A duration such as `5m` or `30d`, in seconds, at least `minimum`.
    func duration(_ value: Value, minimum: Double = 0) -> Double? {
        guard let text = string(value) else { return nil }
        guard let seconds = DurationText.seconds(text) else {
            report(value, "expected a duration such as 30s, 5m, 2h or 30d, got \"\(text)\"")
            return nil
        }
        guard seconds >= minimum else {
            report(value, "must be at least \(minimum) seconds, got \(seconds)")
            return nil
        }
        return seconds
    }

    /// A mapping of names to scalar values (labels, detector parameters).
    func stringMap(_ value: Value) -> [String: String]? {
        guard let mapping = value.node.mapping else {
            report(value, "expected a mapping of names to values")
            return nil
        }
        var result: [String: String] = [:]
        for (key, node) in mapping {
            guard let name = key.scalar?.string else {
                report(key.mark, path: value.path, "keys must be plain names")
                continue
            }
            if let text = string(Value(node: node, path: value.child(name))) { result[name] = text }
        }
        return result
    }

    /// A list of scalars.
    func strings(_ value: Value) -> [String]? {
        if value.node.scalar != nil { return string(value).map { [$0] } }
        return sequence(value)?.compactMap { string($0) }
    }

    /// The allowed name nearest to a misspelt one, if it is close.
    private static func closest(to name: String, in allowed: [String]) -> String? {
        allowed.map { ($0, distance($0, name)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
