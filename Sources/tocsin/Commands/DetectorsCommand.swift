import ArgumentParser
import TocsinDetect

/// `tocsin detectors`: list the detectors and their parameters.
struct DetectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detectors",
        abstract: "List the detectors with their parameters and defaults."
    )

    func run() throws {
        var lines: [String] = ["Streaming detectors (tocsin detect, tocsin nab):"]
        for entry in DetectorCatalog.streaming {
            lines.append("  \(entry.name): \(entry.summary)")
            lines.append("    " + entry.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
        }
        lines.append("Batch detectors (tocsin score):")
        for entry in DetectorCatalog.batch {
            lines.append("  \(entry.name): \(entry.summary)")
            lines.append("    " + entry.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
        }
        Terminal.output(lines.joined(separator: "\n"))
    }
}
