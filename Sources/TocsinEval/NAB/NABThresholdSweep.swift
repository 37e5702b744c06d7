/// NAB's threshold optimization (`--optimize`), done in one incremental pass.
///
/// The candidates are 1.1 (nothing detected) and then every distinct anomaly score of the
/// pooled corpus, highest first. Lowering the threshold to the next candidate detects the rows
/// holding that score: a row outside windows adds its (negative) value, a row inside a window
/// raises the window's part from −A_FN, or from its earlier best, to the row's value if that is
/// higher. So the score of every candidate follows from the previous one in O(1) per row, and
/// the whole sweep costs one sort, O(n log n). The first candidate with the highest score wins,
/// that is the highest threshold among ties, as in NAB.
enum NABThresholdSweep {
    /// The candidate threshold that comes before any anomaly score.
    static let nothingDetected = 1.1

    /// The threshold with the highest corpus score under `profile`.
    static func optimize(pooled: NABPooledScores, weights: NABRowWeights, profile: NABProfile) -> NABThresholdScore {
        var windowParts = weights.windowIsScored.map { $0 ? -profile.falseNegativeWeight : 0 }
        var windowSum = windowParts.reduce(0, +)
        var falsePositiveSum = 0.0
        var counts = NABCounts.zero
        for window in weights.windows {
            if window >= 0 { counts.falseNegatives += 1 } else { counts.trueNegatives += 1 }
        }
        var best = NABThresholdScore(threshold: nothingDetected, score: falsePositiveSum + windowSum, counts: counts)
        let order = pooled.descending
        var next = 0
        while next < order.count {
            let threshold = pooled.scores[order[next]]
            while next < order.count, pooled.scores[order[next]] == threshold {
                let row = order[next]
                let value = weights.value(ofRow: row, profile: profile)
                let window = weights.windows[row]
                if window >= 0 {
                    if value > windowParts[window] {
                        windowSum += value - windowParts[window]
                        windowParts[window] = value
                    }
                    counts.truePositives += 1
                    counts.falseNegatives -= 1
                } else {
                    falsePositiveSum += value
                    counts.falsePositives += 1
                    counts.trueNegatives -= 1
                }
                next += 1
            }
            let score = falsePositiveSum + windowSum
            if score > best.score {
                best = NABThresholdScore(threshold: threshold, score: score, counts: counts)
            }
        }
        return best
    }
}
