import TocsinEval

/// Creates the report's folders and files; failures carry the operating system's
/// explanation and the path.
enum ReportFiles {
    /// Creates the folder at `path` and any missing parents (like `mkdir -p`).
    static func createFolder(_ path: String) throws(NABError) {
        do { try FileSystem.createDirectories(path: path) } catch { throw NABError(file: path, reason: error.reason) }
    }

    /// Replaces (or creates) the file at `path` with `bytes`.
    static func writeFile(_ bytes: [UInt8], to path: String) throws(NABError) {
        do { try FileSystem.writeBytes(bytes, path: path) } catch { throw NABError(file: path, reason: error.reason) }
    }
}
