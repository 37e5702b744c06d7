/// The area under the ROC curve of anomaly scores against boolean labels.
///
/// Computed as the Mann-Whitney statistic: the probability that a randomly chosen positive
/// scores higher than a randomly chosen negative, with ties counting one half. Ties get their
/// average rank, so this equals the trapezoidal area under the ROC curve. O(n log n).
public enum ROCAUC {
    /// The AUC of `scores` (higher means more anomalous) against `labels` (`true` = anomaly).
    ///
    /// Throws when the arrays differ in length, a score is NaN, or the labels are all of one
    /// kind (the AUC is then undefined).
    public static func score(scores: [Double], labels: [Bool]) throws(MetricsError) -> Double {
        guard scores.count == labels.count else {
            throw MetricsError.lengthMismatch("scores", scores.count, labels: labels.count)
        }
        if let index = scores.firstIndex(where: \.isNaN) {
            throw MetricsError(reason: "score \(index) is NaN")
        }
        let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else {
            throw MetricsError(
                reason: "the AUC needs both positive and negative labels; "
                    + "got \(positives) positive and \(negatives) negative")
        }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var positiveRankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, scores[order[end + 1]] == scores[order[start]] {
                end += 1
            }
            let averageRank = Double(start + end + 2) / 2
            for position in start...end where labels[order[position]] {
                positiveRankSum += averageRank
            }
            start = end + 1
        }
        let positiveCount = Double(positives)
        return (positiveRankSum - positiveCount * (positiveCount + 1) / 2) / (positiveCount * Double(negatives))
    }
}
