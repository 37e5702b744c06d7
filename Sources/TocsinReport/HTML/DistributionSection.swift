/// The score distribution of a set of rows: the linear and the tail histogram side by side,
/// with a caption.
enum DistributionSection {
    /// The two charts and their caption; `subject` names the rows, for example `s/a.csv`.
    static func html(_ distribution: ScoreDistribution, threshold: Double, subject: String) -> String {
        "<div class=\"charts\">\n"
            + HistogramChart.svg(distribution.linear, threshold: threshold, subject: subject) + "\n"
            + HistogramChart.svg(distribution.tail, threshold: threshold, subject: subject + " by their nines")
            + "\n</div>\n<p class=\"note\">The anomaly scores of the \(NumberText.count(distribution.total)) scored "
            + "rows of \(HTMLText.escape(subject)), counted on a log scale: on the left along the score, on the right "
            + "by how close they come to 1 (0.99, 1-1e-4, ...), which separates scores that all round to 1. The "
            + "dashed line is the threshold, \(HTMLText.escape(NumberText.threshold(threshold))); bins wholly at or "
            + "above it are red.</p>"
    }
}
