import Foundation

/// Builds a configuration from its defaults and `name=value` overrides given as text
/// (from the CLI or a config file). The override's type follows the default's: a
/// number, a boolean or a string. Unknown names are rejected with the list of known ones.
enum ParameterOverrides {
    static func apply<C: Codable>(_ overrides: [String: String], to defaults: C, detector: String) throws(DetectorError) -> C {
        guard !overrides.isEmpty else { return defaults }
        var object: [String: Any]
        do {
            let data = try JSONEncoder.artifact.encode(defaults)
            object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        } catch {
            throw DetectorError("\(detector): cannot read its default configuration: \(error)")
        }
        let known = Set(object.keys).union(optionalKeys(of: defaults))
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard known.contains(name) else {
                throw DetectorError("\(detector) has no parameter \"\(name)\"; its parameters are \(known.sorted().joined(separator: ", "))")
            }
            object[name] = convert(text, like: object[name])
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            return try JSONDecoder.artifact.decode(C.self, from: data)
        } catch let error as DecodingError {
            throw DetectorError("\(detector): invalid parameters: \(describe(error))")
        } catch {
            throw DetectorError("\(detector): invalid parameters: \(error)")
        }
    }

    /// The names and default values of a configuration, as text.
    static func defaults<C: Codable>(of configuration: C) -> [(name: String, value: String)] {
        guard let data = try? JSONEncoder.artifact.encode(configuration),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [] }
        var rows = object.map { (name: $0.key, value: "\($0.value)") }
        rows += optionalKeys(of: configuration).filter { object[$0] == nil }.map { (name: $0, value: "none") }
        return rows.sorted { $0.name < $1.name }
    }

    /// Parameters whose default is nil (and so absent from the encoded defaults).
    private static func optionalKeys<C>(of value: C) -> [String] {
        Mirror(reflecting: value).children.compactMap { child in
            guard let label = child.label, Mirror(reflecting: child.value).displayStyle == .optional else { return nil }
            return label
        }
    }

    private static func convert(_ text: String, like current: Any?) -> Any {
        if current is String { return text }
        if let value = Int(text) { return value }
        if let value = Double(text), value.isFinite { return value }
        // Not a number: the configuration's decoder accepts it (an enum case such as
        // "auto") or rejects it with the parameter's name.
        return text
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        case .keyNotFound(let key, _):
            return "missing \(key.stringValue)"
        @unknown default:
            return "\(error)"
        }
    }
}
