/// One problem found in a configuration file, with where it is.
public struct ConfigDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Line number starting from 1 (0 when the problem concerns the whole file).
    public let line: Int
    /// Column number starting from 1 (0 when unknown).
    public let column: Int
    /// The setting, as a dotted path such as `detection.rules[2].detector`.
    public let path: String
    /// What is wrong.
    public let message: String

    /// Creates a diagnostic.
    public init(line: Int, column: Int, path: String, message: String) {
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `LINE:COLUMN: PATH: MESSAGE`.
    public var description: String {
        let place = line > 0 ? "\(line):\(column): " : ""
        return path.isEmpty ? "\(place)\(message)" : "\(place)\(path): \(message)"
    }
}

/// Every problem found in a configuration file, in file order.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    /// The problems.
    public let diagnostics: [ConfigDiagnostic]
    /// The file, for messages.
    public let file: String

    /// One line per problem: `FILE:LINE:COLUMN: PATH: MESSAGE`.
    public var description: String {
        diagnostics.map { "\(file):\($0)" }.joined(separator: "\n")
    }
}
