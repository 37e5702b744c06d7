/// A failure the CLI reports as one line and an exit status: 2 for a usage error
/// (a bad option or an unknown detector), 1 for a data error (a file that cannot be
/// read or parsed, a model that does not fit the data).
struct CLIFailure: Error, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    static func usage(_ message: String) -> CLIFailure {
        CLIFailure(message: message, exitCode: 2)
    }

    static func data(_ message: String) -> CLIFailure {
        CLIFailure(message: message, exitCode: 1)
    }

    var description: String { message }
}
