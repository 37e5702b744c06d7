import TocsinEval

/// Writes a ``NABEvaluationReport`` into a folder: `index.html` (the summary), one page per
/// corpus file under `files/`, and `summary.png`. Every page is self-contained: inline CSS
/// and SVG, no scripts and nothing loaded from elsewhere.
public enum NABReportWriter {
    /// Writes `report` into `folder`, creating it as needed and replacing earlier report
    /// files; returns the paths written, the summary page first.
    @discardableResult
    public static func write(_ report: NABEvaluationReport, to folder: String) throws(NABError) -> [String] {
        let evaluations = report.fileEvaluations
        try ReportFiles.createFolder(folder + "/" + ReportPaths.filesFolder)
        var written: [String] = []
        func save(_ bytes: [UInt8], _ relativePath: String) throws(NABError) {
            let path = folder + "/" + relativePath
            try ReportFiles.writeFile(bytes, to: path)
            written.append(path)
        }
        try save(Array(IndexPage.html(report, evaluations: evaluations).utf8), ReportPaths.index)
        for (index, evaluation) in evaluations.enumerated() {
            let page = FilePage.html(report, evaluations: evaluations, index: index)
            try save(Array(page.utf8), ReportPaths.filePage(index: index, key: evaluation.file.key))
        }
        try save(PNGEncoder.encode(SummaryImage.render(report)), ReportPaths.summaryImage)
        return written
    }

    /// The summary page of `report` as HTML, as ``write(_:to:)`` writes it.
    public static func summaryPage(_ report: NABEvaluationReport) -> String {
        IndexPage.html(report, evaluations: report.fileEvaluations)
    }

    /// The page of corpus file `key` as HTML, as ``write(_:to:)`` writes it, or `nil` when
    /// the corpus has no such file.
    public static func filePage(_ report: NABEvaluationReport, key: String) -> String? {
        let evaluations = report.fileEvaluations
        guard let index = evaluations.firstIndex(where: { $0.file.key == key }) else { return nil }
        return FilePage.html(report, evaluations: evaluations, index: index)
    }

    /// The summary image of `report` as a PNG file, as ``write(_:to:)`` writes it.
    public static func summaryImage(_ report: NABEvaluationReport) -> [UInt8] {
        PNGEncoder.encode(SummaryImage.render(report))
    }
}
