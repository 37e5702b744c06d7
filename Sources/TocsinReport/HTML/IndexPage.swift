import TocsinEval

/// The report's summary page: scores per profile, the scoreboard, precision, recall and F1
/// over the corpus, the score distribution and a table of the files linking to their pages.
enum IndexPage {
    /// The page as HTML, for `report` whose files are evaluated as `evaluations`.
    static func html(_ report: NABEvaluationReport, evaluations: [FileEvaluation]) -> String {
        let corpus = report.corpus
        let title = "NAB evaluation: " + report.detector
        var body = "<h1>\(HTMLText.escape(title))</h1>\n"
        body += "<p class=\"meta\">Corpus \(HTMLText.escape(corpus.root)): \(NumberText.count(corpus.files.count)) files, "
            + "\(NumberText.count(corpus.rowCount)) rows (\(NumberText.count(corpus.scoredRowCount)) scored), "
            + "\(NumberText.count(corpus.windowCount)) anomaly windows. "
            + "Run time \(HTMLText.escape(NumberText.seconds(report.seconds))). "
            + "The same summary as a picture: <a href=\"\(ReportPaths.summaryImage)\">\(ReportPaths.summaryImage)</a>.</p>\n"
        body += section("scores", "Scores per profile", profileTable(report.results))
        let entries = ScoreboardEntry.entries(of: report)
        body += section(
            "scoreboard", "Beside the published scoreboard",
            ScoreboardChart.svg(entries) + "\n" + scoreboardTable(entries)
                + "\n<p class=\"note\">Published figures: the NAB v1.0 scoreboard of NAB's README. "
                + "Normalized scores: 0 for the null detector, 100 for a perfect one.</p>")
        let rows = ConfusionMatrix(report.detectionResult.counts)
        let windows = evaluations.reduce(WindowDetectionCounts.zero) { $0 + $1.windows }
        let profile = report.detectionResult.profile.name
        body += section(
            "detection", "Precision, recall and F1 at the \(profile) threshold",
            DetectionMetricsSection.table(rows: rows, windows: windows) + "\n"
                + DetectionMetricsSection.definitions(threshold: report.threshold, profile: profile))
        var distribution = ScoreDistribution(scores: [])
        for evaluation in evaluations { distribution.add(evaluation.distribution) }
        body += section(
            "distribution", "Score distribution",
            DistributionSection.html(distribution, threshold: report.threshold, subject: "the corpus"))
        body += section(
            "files", "Files",
            "<div class=\"wide\">" + fileTable(evaluations) + "</div>\n<p class=\"note\">P, R, F1: precision, recall and F1 "
                + "at row and at window level, as defined above. NAB S: the file's raw NAB score under the \(HTMLText.escape(profile)) "
                + "profile; the corpus score is their sum.</p>")
        return HTMLPage.document(title: title, body: body)
    }

    private static func section(_ id: String, _ heading: String, _ content: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(HTMLText.escape(heading))</h2>\n\(content)\n</section>\n"
    }

    private static func profileTable(_ results: [NABProfileResult]) -> String {
        var table = HTMLTable(headers: [
            "profile", "A_TP", "A_FP", "A_FN", "normalized score", "raw score S", "threshold", "TP", "FP", "FN", "TN",
        ])
        for result in results {
            let profile = result.profile
            table.append([
                .text(profile.name),
                .number(NumberText.fixed(profile.truePositiveWeight, 2)),
                .number(NumberText.fixed(profile.falsePositiveWeight, 2)),
                .number(NumberText.fixed(profile.falseNegativeWeight, 2)),
                .number(NumberText.normalizedScore(result.normalizedScore)),
                .number(NumberText.rawScore(result.rawScore)),
                .number(NumberText.threshold(result.threshold)),
                .number(NumberText.count(result.counts.truePositives)),
                .number(NumberText.count(result.counts.falsePositives)),
                .number(NumberText.count(result.counts.falseNegatives)),
                .number(NumberText.count(result.counts.trueNegatives)),
            ])
        }
        return table.markup
    }

    private static func scoreboardTable(_ entries: [ScoreboardEntry]) -> String {
        var table = HTMLTable(headers: ["detector"] + ScoreboardEntry.profileNames)
        for entry in entries {
            let scores = ScoreboardEntry.profileNames.indices.map { HTMLTable.Cell.number(entry.scoreText($0)) }
            table.append([.text(entry.label)] + scores, className: entry.isThisRun ? "this-run" : nil)
        }
        return table.markup
    }

    private static func fileTable(_ evaluations: [FileEvaluation]) -> String {
        var table = HTMLTable(headers: [
            "file", "category", "rows", "windows", "detected", "missed", "false alarms",
            "rows P", "rows R", "rows F1", "windows P", "windows R", "windows F1", "NAB S",
        ])
        for (index, evaluation) in evaluations.enumerated() {
            let file = evaluation.file
            let windows = evaluation.windows.matrix
            table.append([
                .link(file.name, href: ReportPaths.filePage(index: index, key: file.key)),
                .text(file.category),
                .number(NumberText.count(file.rowCount)),
                .number(NumberText.count(file.windows.count)),
                .number(NumberText.count(evaluation.windows.detectedWindows)),
                .number(NumberText.count(evaluation.windows.missedWindows)),
                .number(NumberText.count(evaluation.windows.falseAlarms)),
                .number(NumberText.ratio(evaluation.rows.precision)),
                .number(NumberText.ratio(evaluation.rows.recall)),
                .number(NumberText.ratio(evaluation.rows.f1)),
                .number(NumberText.ratio(windows.precision)),
                .number(NumberText.ratio(windows.recall)),
                .number(NumberText.ratio(windows.f1)),
                .number(NumberText.rawScore(evaluation.nabScore.score)),
            ])
        }
        return table.markup
    }
}
