/// Replaces `${NAME}` and `${NAME:-fallback}` in a scalar with the environment's value,
/// so that secrets (tokens, passwords, webhook URLs) stay out of the file. `$$` stands
/// for a literal `$`.
struct EnvironmentSubstitution {
    let environment: [String: String]

    /// The substituted text, or the name of the first variable that is unset and has no fallback.
    func apply(_ text: String) -> Result<String, MissingVariable> {
        guard text.contains("$") else { return .success(text) }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            guard character == "$", next < text.endIndex else {
                output.append(character)
                index = next
                continue
            }
            if text[next] == "$" {
                output.append("$")
                index = text.index(after: next)
                continue
            }
            guard text[next] == "{", let close = text[next...].firstIndex(of: "}") else {
                output.append(character)
                index = next
                continue
            }
            let body = String(text[text.index(after: next)..<close])
            let parts = body.components(separatedBy: ":-")
            let name = parts[0]
            if let value = environment[name], !value.isEmpty {
                output += value
            } else if parts.count > 1 {
                output += parts.dropFirst().joined(separator: ":-")
            } else {
                return .failure(MissingVariable(name: name))
            }
            index = text.index(after: close)
        }
        return .success(output)
    }

    /// An environment variable a setting needs but that is not set.
    struct MissingVariable: Error {
        let name: String
    }
}
