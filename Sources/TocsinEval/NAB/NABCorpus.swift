/// The NAB benchmark corpus: every series under `data/` with its anomaly windows from
/// `labels/combined_windows.json`.
public struct NABCorpus: Sendable {
    /// The corpus root directory (the one holding `data/` and `labels/`), or a name for a
    /// corpus built in memory.
    public let root: String
    /// The files, sorted by ``NABFile/key``.
    public let files: [NABFile]

    /// The label file used by ``load(root:windowsFile:)`` unless told otherwise.
    public static let defaultWindowsFile = "labels/combined_windows.json"

    /// Creates a corpus from files already in memory; keys must be distinct.
    public init(root: String, files: [NABFile]) throws(NABError) {
        var seen = Set<String>()
        for file in files where !seen.insert(file.key).inserted {
            throw NABError(file: file.key, reason: "appears twice in the corpus")
        }
        self.root = root
        self.files = files.sorted { $0.key < $1.key }
    }

    /// Loads the corpus at `root`: every `data/<category>/<file>.csv` (with `timestamp` and
    /// `value` columns) and the windows of `windowsFile` (relative to `root`).
    ///
    /// Every data file must have a key in the label file and every key must name a data file;
    /// every window end must be a timestamp of its data file.
    public static func load(root: String, windowsFile: String = defaultWindowsFile) throws(NABError) -> NABCorpus {
        let dataDirectory = root + "/data"
        guard FileSystem.isDirectory(dataDirectory) else {
            throw NABError(file: dataDirectory, reason: "is not a directory; is \(root) a NAB corpus?")
        }
        let labels = try NABWindowLabels(path: root + "/" + windowsFile)
        var files: [NABFile] = []
        for category in try list(dataDirectory) where FileSystem.isDirectory(dataDirectory + "/" + category) {
            for name in try list(dataDirectory + "/" + category) where name.hasSuffix(".csv") {
                files.append(try loadFile(category: category, name: name, root: root, labels: labels))
            }
        }
        let keys = Set(files.map(\.key))
        if let orphan = labels.windows.keys.sorted().first(where: { !keys.contains($0) }) {
            throw NABError(file: labels.file, reason: "\"\(orphan)\" has no data file \(dataDirectory)/\(orphan)")
        }
        guard !files.isEmpty else {
            throw NABError(file: dataDirectory, reason: "holds no data/<category>/<file>.csv files")
        }
        return try NABCorpus(root: root, files: files)
    }

    /// The file with key `category/name`, if the corpus has it.
    public func file(key: String) -> NABFile? {
        files.first { $0.key == key }
    }

    /// The number of rows of all files.
    public var rowCount: Int { files.reduce(0) { $0 + $1.rowCount } }
    /// The number of anomaly windows of all files.
    public var windowCount: Int { files.reduce(0) { $0 + $1.windows.count } }
    /// The number of rows inside windows, over all files.
    public var windowRowCount: Int { files.reduce(0) { $0 + $1.windows.reduce(0) { $0 + $1.count } } }
    /// The number of rows that count in scoring (all rows after each file's probation period).
    public var scoredRowCount: Int { files.reduce(0) { $0 + $1.rowCount - $1.probationLength } }

    private static func list(_ directory: String) throws(NABError) -> [String] {
        do {
            return try FileSystem.listDirectory(path: directory)
        } catch {
            throw NABError(file: directory, reason: error.reason)
        }
    }

    private static func loadFile(
        category: String, name: String, root: String, labels: NABWindowLabels
    ) throws(NABError) -> NABFile {
        let key = category + "/" + name
        let path = root + "/data/" + key
        guard labels.windows[key] != nil else {
            throw NABError(file: path, reason: "has no key \"\(key)\" in \(labels.file)")
        }
        let table: NumericTable
        do {
            table = try NumericCSV.read(path: path, timestampColumn: "timestamp", columns: ["value"])
        } catch {
            throw NABError(error)
        }
        guard let timestamps = table.timestamps else {
            throw NABError(file: path, column: "timestamp", reason: "no such column; NAB data files need one")
        }
        let windows = try labels.rowRanges(key: key, timestamps: timestamps)
        return try NABFile(
            category: category, name: name, timestamps: timestamps, values: table.values, windows: windows)
    }
}
