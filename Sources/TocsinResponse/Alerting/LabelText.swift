/// Renders labels and matcher values as Alertmanager prints them.
enum LabelText {
    /// `value` in double quotes, with backslashes, quotes and newlines escaped.
    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// A label set as `{a="x", b="y"}`, names in byte order.
    static func labelSet(_ labels: [String: String]) -> String {
        let pairs = labels.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { "\($0)=\(quoted(labels[$0]!))" }
        return "{\(pairs.joined(separator: ", "))}"
    }
}
