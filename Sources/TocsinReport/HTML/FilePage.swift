/// The page of one corpus file: its detection metrics, its values with the windows shaded
/// and the detections marked, its anomaly scores with the threshold, and their distribution.
enum FilePage {
    /// The page as HTML for the file at position `index` of `evaluations`, which are all the
    /// report's files in corpus order (for the links to the neighbouring pages).
    static func html(_ report: NABEvaluationReport, evaluations: [FileEvaluation], index: Int) -> String {
        let evaluation = evaluations[index]
        let file = evaluation.file
        let profile = report.detectionResult.profile.name
        var body = navigation(evaluations, index: index)
        body += "<h1>\(HTMLText.escape(file.name))</h1>\n"
        body += "<p class=\"meta\">\(HTMLText.escape(file.category)) · detector \(HTMLText.escape(report.detector)) · "
            + "\(NumberText.count(file.rowCount)) rows, the first \(NumberText.count(file.probationLength)) "
            + "of them probation (not scored) · \(NumberText.count(file.windows.count)) anomaly windows · "
            + "NAB S under \(HTMLText.escape(profile)): \(NumberText.rawScore(evaluation.nabScore.score))</p>\n"
        body += "<section id=\"metrics\">\n<h2>Precision, recall and F1</h2>\n"
            + DetectionMetricsSection.table(rows: evaluation.rows, windows: evaluation.windows) + "\n</section>\n"
        body += "<section id=\"series\">\n<h2>Values</h2>\n"
            + HTMLPage.legend([
                (ReportPalette.series, "value (lowest and highest per pixel column)"),
                (ReportPalette.window, "anomaly window"),
                (ReportPalette.probation, "probation"),
                (ReportPalette.detection, "detection"),
            ])
            + "\n" + ValuePlot.svg(evaluation) + "\n</section>\n"
        body += "<section id=\"score\">\n<h2>Anomaly score</h2>\n" + ScorePlot.svg(evaluation) + "\n</section>\n"
        body += "<section id=\"distribution\">\n<h2>Score distribution</h2>\n"
            + DistributionSection.html(evaluation.distribution, threshold: evaluation.threshold, subject: file.key)
            + "\n</section>\n"
        body += "<section id=\"definitions\">\n<h2>Definitions</h2>\n"
            + DetectionMetricsSection.definitions(threshold: evaluation.threshold, profile: profile) + "\n</section>\n"
        return HTMLPage.document(title: file.key + " · " + report.detector, body: body)
    }

    /// Links to the summary and to the previous and next file pages.
    private static func navigation(_ evaluations: [FileEvaluation], index: Int) -> String {
        var links = ["<a href=\"../\(ReportPaths.index)\">summary</a>"]
        for (label, neighbour) in [("previous", index - 1), ("next", index + 1)] where evaluations.indices.contains(neighbour) {
            let page = ReportPaths.filePage(index: neighbour, key: evaluations[neighbour].file.key)
            let name = HTMLText.escape(evaluations[neighbour].file.name)
            links.append("<a href=\"../\(HTMLText.escape(page))\">\(label): \(name)</a>")
        }
        return "<nav>" + links.joined() + "</nav>\n"
    }
}
