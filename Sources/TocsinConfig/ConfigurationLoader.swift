import Foundation
import TocsinDetect
import TocsinPipeline
import Yams

/// Parses and checks a `tocsin.yaml` file: YAML syntax, known settings only, value types
/// and ranges, detector names and parameters, and environment variables for secrets.
/// Every problem is reported with its line and column, all at once.
public enum ConfigurationLoader {
    /// Reads and checks the file at `path`.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigErrors) -> TocsinConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigErrors(diagnostics: [ConfigDiagnostic(line: 0, column: 0, path: "", message: "cannot read the file: \(error.localizedDescription)")],
                               file: path)
        }
        return try parse(text, file: path, folder: URL(fileURLWithPath: path).deletingLastPathComponent().path, environment: environment)
    }

    /// Checks YAML text; `file` names it in messages, relative paths in it (model files)
    /// are read from `folder` (the working directory when nil).
    public static func parse(_ text: String, file: String = "<config>", folder: String? = nil, environment: [String: String] = [:])
        throws(ConfigErrors) -> TocsinConfiguration {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { return TocsinConfiguration() }
            root = node
        } catch let error as YamlError {
            throw ConfigErrors(diagnostics: [syntaxDiagnostic(error)], file: file)
        } catch {
            throw ConfigErrors(diagnostics: [ConfigDiagnostic(line: 0, column: 0, path: "", message: "\(error)")], file: file)
        }
        let reader = ConfigReader(environment: environment)
        let configuration = ConfigurationSections(reader: reader, folder: folder).read(ConfigReader.Value(node: root, path: ""))
        guard reader.diagnostics.isEmpty else {
            throw ConfigErrors(diagnostics: reader.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }, file: file)
        }
        return configuration
    }

    private static func syntaxDiagnostic(_ error: YamlError) -> ConfigDiagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return ConfigDiagnostic(line: mark.line, column: mark.column, path: "", message: "invalid YAML: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return ConfigDiagnostic(line: context.mark.line, column: context.mark.column, path: "",
                                    message: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return ConfigDiagnostic(line: 0, column: 0, path: "", message: "invalid YAML: \(error)")
        }
    }
}
