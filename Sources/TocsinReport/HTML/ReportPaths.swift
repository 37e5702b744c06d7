/// The files of a report folder, relative to the folder.
enum ReportPaths {
    /// The summary page.
    static let index = "index.html"
    /// The summary image.
    static let summaryImage = "summary.png"
    /// The folder of the per-file pages.
    static let filesFolder = "files"

    /// The page of the corpus file at position `index` with key `key`: the position keeps
    /// names distinct, the key (without `.csv`, characters other than letters, digits, `.`,
    /// `-` and `_` replaced by `_`) keeps them readable, for example
    /// `files/038-realKnownCause-nyc_taxi.html`.
    static func filePage(index: Int, key: String) -> String {
        let number = String(index)
        let stem = key.hasSuffix(".csv") ? String(key.dropLast(4)) : key
        let safe = String(stem.unicodeScalars.map { scalar -> Character in
            if scalar == "/" { return "-" }
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "-" || scalar == "_")
            return allowed ? Character(scalar) : "_"
        })
        return filesFolder + "/" + String(repeating: "0", count: max(0, 3 - number.count)) + number + "-" + safe + ".html"
    }
}
