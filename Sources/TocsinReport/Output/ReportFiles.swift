#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TocsinEval

/// Creates the report's folders and files with POSIX calls; failures carry the operating
/// system's explanation.
enum ReportFiles {
    /// Creates the folder at `path` and any missing parents (like `mkdir -p`).
    static func createFolder(_ path: String) throws(NABError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw failure(path: prefix, action: "cannot create folder")
            }
        }
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw NABError(file: path, reason: "cannot create folder: something else is in the way")
        }
    }

    /// Replaces (or creates) the file at `path` with `bytes`.
    static func writeFile(_ bytes: [UInt8], to path: String) throws(NABError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure(path: path, action: "cannot create file") }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let error = failure(path: path, action: "cannot write file")
                close(descriptor)
                throw error
            }
            written += count
        }
        guard close(descriptor) == 0 else { throw failure(path: path, action: "cannot finish writing file") }
    }

    private static func failure(path: String, action: String) -> NABError {
        NABError(file: path, reason: "\(action): \(String(cString: strerror(errno)))")
    }
}
