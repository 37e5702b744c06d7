/// Counts of boolean predictions against boolean labels, with precision, recall and F1.
public struct ConfusionMatrix: Sendable, Equatable {
    /// Predicted `true`, labelled `true`.
    public let truePositives: Int
    /// Predicted `true`, labelled `false`.
    public let falsePositives: Int
    /// Predicted `false`, labelled `true`.
    public let falseNegatives: Int
    /// Predicted `false`, labelled `false`.
    public let trueNegatives: Int

    /// Creates a matrix from counts.
    public init(truePositives: Int, falsePositives: Int, falseNegatives: Int, trueNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.trueNegatives = trueNegatives
    }

    /// Counts `predictions` against `labels`, paired by position; throws when their lengths differ.
    public init(predictions: [Bool], labels: [Bool]) throws(MetricsError) {
        guard predictions.count == labels.count else {
            throw MetricsError.lengthMismatch("predictions", predictions.count, labels: labels.count)
        }
        var counts = (tp: 0, fp: 0, fn: 0, tn: 0)
        for (predicted, actual) in zip(predictions, labels) {
            switch (predicted, actual) {
            case (true, true): counts.tp += 1
            case (true, false): counts.fp += 1
            case (false, true): counts.fn += 1
            case (false, false): counts.tn += 1
            }
        }
        self.init(
            truePositives: counts.tp, falsePositives: counts.fp,
            falseNegatives: counts.fn, trueNegatives: counts.tn)
    }

    /// TP / (TP + FP); `nil` when nothing was predicted `true`.
    public var precision: Double? {
        ratio(truePositives, truePositives + falsePositives)
    }

    /// TP / (TP + FN); `nil` when nothing is labelled `true`.
    public var recall: Double? {
        ratio(truePositives, truePositives + falseNegatives)
    }

    /// The harmonic mean of precision and recall, 2·TP / (2·TP + FP + FN); `nil` only when there
    /// are neither positive labels nor positive predictions. It is 0 when one of precision and
    /// recall is 0 or undefined while the other side has positives.
    public var f1: Double? {
        ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives)
    }

    private func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }
}
