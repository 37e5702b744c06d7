import ArgumentParser
import TocsinConfig

/// `tocsin config`: check or print configuration files.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check a tocsin.yaml file, or print a documented example.",
        subcommands: [Check.self, Example.self]
    )

    /// `tocsin config check FILE`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a configuration file: YAML syntax, known settings, types, ranges, detectors and environment variables.",
            discussion: "Prints every problem as FILE:LINE:COLUMN: SETTING: MESSAGE and exits 1, or a one-line summary and exits 0."
        )

        @Argument(help: "The configuration file.")
        var file: String

        func run() throws {
            let configuration: TocsinConfiguration
            do {
                configuration = try ConfigurationLoader.load(path: file)
            } catch {
                throw CLIFailure.data(error.description)
            }
            let detection = configuration.detection
            Terminal.output("\(file): ok: \(detection.rules.count) detection rules, default \(detection.fallback?.detector ?? "from options"), "
                + "\(configuration.sources.count) sources, \(configuration.remediation.policies.count) remediation policies (dry run), store \(configuration.store ?? "default"), "
                + "retention \(configuration.retention.map { Self.span($0.keep) } ?? "off")")
        }

        private static func span(_ seconds: Double) -> String {
            for (unit, size) in [("d", 86_400.0), ("h", 3_600), ("m", 60)] where seconds >= size && seconds.truncatingRemainder(dividingBy: size) == 0 {
                return "\(Int(seconds / size))\(unit)"
            }
            return "\(seconds)s"
        }
    }

    /// `tocsin config example`.
    struct Example: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a documented example configuration.")

        func run() {
            Terminal.output(ExampleConfiguration.yaml)
        }
    }
}
