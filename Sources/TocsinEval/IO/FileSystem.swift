#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file-system operation failed, in words (from the operating system's `errno`).
package struct FileSystemFailure: Error {
    /// For example `cannot open file: No such file or directory`.
    package let reason: String

    init(_ action: String, errorNumber: Int32) {
        reason = "\(action): \(String(cString: strerror(errorNumber)))"
    }

    init(reason: String) {
        self.reason = reason
    }
}

/// Small POSIX file helpers whose failures carry the operating system's own explanation.
package enum FileSystem {
    /// Reads the whole file at `path`.
    package static func readBytes(path: String) throws(FileSystemFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw FileSystemFailure("cannot open file", errorNumber: errno)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw FileSystemFailure("cannot inspect file", errorNumber: errno)
        }
        guard (status.st_mode & S_IFMT) != S_IFDIR else {
            throw FileSystemFailure(reason: "is a directory, not a file")
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemFailure("cannot read file", errorNumber: errno)
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Replaces (or creates) the file at `path` with `bytes`.
    package static func writeBytes(_ bytes: [UInt8], path: String) throws(FileSystemFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw FileSystemFailure("cannot create file", errorNumber: errno)
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let failure = FileSystemFailure("cannot write file", errorNumber: errno)
                close(descriptor)
                throw failure
            }
            written += count
        }
        guard close(descriptor) == 0 else {
            throw FileSystemFailure("cannot finish writing file", errorNumber: errno)
        }
    }

    /// Creates the directory at `path` and any missing parents (like `mkdir -p`).
    package static func createDirectories(path: String) throws(FileSystemFailure) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw FileSystemFailure("cannot create directory \(prefix)", errorNumber: errno)
            }
        }
        guard isDirectory(path) else {
            throw FileSystemFailure(reason: "cannot create directory \(path): a file is in the way")
        }
    }

    /// Whether `path` names an existing directory.
    package static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` names an existing regular file (or a link to one).
    package static func isFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// The names in the directory at `path`, sorted, without `.` and `..` and hidden names.
    package static func listDirectory(path: String) throws(FileSystemFailure) -> [String] {
        guard let directory = opendir(path) else {
            throw FileSystemFailure("cannot list directory \(path)", errorNumber: errno)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") {
                names.append(name)
            }
        }
        return names.sorted()
    }
}
