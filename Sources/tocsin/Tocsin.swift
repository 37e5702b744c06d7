import ArgumentParser

/// The `tocsin` command: anomaly detection for cloud metrics.
@main
struct Tocsin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tocsin",
        abstract: "Find anomalies in cloud metrics: serve the API, run the demo, evaluate detectors on NAB.",
        subcommands: [DemoCommand.self, ServeCommand.self, ConfigCommand.self, NABCommand.self, ReportCommand.self, TuneCommand.self, TrainCommand.self, DetectCommand.self, ScoreCommand.self, GenerateCommand.self,
                      DetectorsCommand.self]
    )

    /// Parses the arguments and runs the command, mapping failures to exit codes:
    /// 2 for usage errors, 1 for data errors, each reported as one line on stderr.
    static func main() async {
        let status = await run(arguments: Array(CommandLine.arguments.dropFirst()))
        exit(withError: status == 0 ? nil : ExitCode(status))
    }

    /// Runs with explicit arguments and returns the process exit status (testable).
    static func run(arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let failure as CLIFailure {
            Terminal.error(failure.message)
            return failure.exitCode
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Terminal.output(fullMessage(for: error))
                return 0
            }
            let message = message(for: error)
            Terminal.error(message.isEmpty ? "\(error)" : message)
            if code == .validationFailure { Terminal.error("run `tocsin help` for usage") }
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}
