/// Where NAB keeps a detector's results: `<directory>/<detector>/<category>/<detector>_<file>.csv`.
enum NABResultsLayout {
    /// Checks that `detector` can name a results folder: not empty, and free of `_` (NAB finds
    /// the detector name by splitting file names on `_`) and of `/`.
    static func validate(detector: String, directory: String) throws(NABError) {
        guard !detector.isEmpty, detector != ".", detector != ".." else {
            throw NABError(file: directory, reason: "detector name \"\(detector)\" is not usable as a folder name")
        }
        guard !detector.contains("_") else {
            throw NABError(
                file: directory,
                reason: "detector name \"\(detector)\" must not contain \"_\" (NAB splits result file names on \"_\")")
        }
        guard !detector.contains("/") else {
            throw NABError(file: directory, reason: "detector name \"\(detector)\" must not contain \"/\"")
        }
    }

    /// The folder of one category's results.
    static func folder(directory: String, detector: String, category: String) -> String {
        directory + "/" + detector + "/" + category
    }

    /// The results file of one data file.
    static func path(directory: String, detector: String, file: NABFile) -> String {
        folder(directory: directory, detector: detector, category: file.category) + "/" + detector + "_" + file.name
    }
}
