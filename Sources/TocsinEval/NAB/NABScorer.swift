/// NAB's official scorer: threshold optimization, per-file scoring and normalization.
///
/// Follows `SCORING.md` (NAB v1.1, `nab/sweeper.py`): rows of each file's probation period
/// are ignored; a row is detected when its anomaly score is at least the threshold; a window
/// is worth the value of its earliest detected row (at most A_TP) or −A_FN when missed; each
/// detected row outside windows costs its (negative) value. Row values use the official float
/// operations, so scores agree with NAB's to rounding.
public struct NABScorer: Sendable {
    /// The corpus the scores belong to.
    public let corpus: NABCorpus
    private let weights: NABRowWeights

    /// Prepares the profile-independent row weights of `corpus`.
    public init(corpus: NABCorpus) {
        self.corpus = corpus
        weights = NABRowWeights(corpus: corpus)
    }

    /// Scores a detector under each profile at that profile's optimized threshold.
    ///
    /// - Parameter scores: The detector's anomaly scores, keyed by corpus key, one per data row
    ///   in row order, each in [0, 1]. Every corpus file needs its scores.
    public func evaluate(
        scores: [String: [Double]], profiles: [NABProfile] = NABProfile.defaults
    ) throws(NABError) -> [NABProfileResult] {
        let pooled = try NABPooledScores(scores: scores, corpus: corpus, weights: weights)
        var results: [NABProfileResult] = []
        for profile in profiles {
            let optimum = NABThresholdSweep.optimize(pooled: pooled, weights: weights, profile: profile)
            let sheet = scoreSheet(pooled: pooled.scores, profile: profile, threshold: optimum.threshold)
            let null = nullScore(profile: profile)
            let perfect = perfectScore(profile: profile)
            results.append(NABProfileResult(
                profile: profile,
                threshold: optimum.threshold,
                rawScore: sheet.score,
                nullScore: null,
                perfectScore: perfect,
                normalizedScore: try normalize(sheet.score, null: null, perfect: perfect, profile: profile),
                counts: sheet.counts,
                files: sheet.files))
        }
        return results
    }

    /// The threshold that maximizes the corpus score under `profile` (NAB's `--optimize`),
    /// with that score. Among equal scores the highest threshold wins; 1.1 means "detect nothing".
    public func optimizeThreshold(
        scores: [String: [Double]], profile: NABProfile
    ) throws(NABError) -> NABThresholdScore {
        let pooled = try NABPooledScores(scores: scores, corpus: corpus, weights: weights)
        return NABThresholdSweep.optimize(pooled: pooled, weights: weights, profile: profile)
    }

    /// Every file's score, and the totals, when rows scoring at least `threshold` are
    /// detections (NAB's `--score`).
    public func score(
        scores: [String: [Double]], profile: NABProfile, threshold: Double
    ) throws(NABError) -> NABScoreSheet {
        let pooled = try NABPooledScores(scores: scores, corpus: corpus, weights: weights)
        return scoreSheet(pooled: pooled.scores, profile: profile, threshold: threshold)
    }

    /// The raw score of the null detector, which detects nothing: −A_FN for every window
    /// that has scored rows.
    public func nullScore(profile: NABProfile) -> Double {
        let nothing = [Double](repeating: 0, count: weights.rows.count)
        return scoreSheet(pooled: nothing, profile: profile, threshold: NABThresholdSweep.nothingDetected).score
    }

    /// The raw score of the perfect detector, which detects the first row of every window
    /// and nothing else: A_TP times the number of windows.
    public func perfectScore(profile: NABProfile) -> Double {
        profile.truePositiveWeight * Double(corpus.windowCount)
    }

    /// `100 · (S − S_null) / (S_perfect − S_null)`: 0 for the null detector, 100 for a perfect one.
    /// Throws when the perfect and null scores are equal (a corpus without windows).
    public func normalize(_ rawScore: Double, profile: NABProfile) throws(NABError) -> Double {
        try normalize(
            rawScore, null: nullScore(profile: profile), perfect: perfectScore(profile: profile), profile: profile)
    }

    private func normalize(
        _ rawScore: Double, null: Double, perfect: Double, profile: NABProfile
    ) throws(NABError) -> Double {
        guard perfect != null else {
            throw NABError(
                file: corpus.root,
                reason: "cannot normalize under profile \"\(profile.name)\": the perfect and null scores "
                    + "are both \(perfect) (the corpus has no windows?)")
        }
        return 100 * (rawScore - null) / (perfect - null)
    }

    /// Scores each file on its own at `threshold`, as the official per-file scoring does.
    private func scoreSheet(pooled scores: [Double], profile: NABProfile, threshold: Double) -> NABScoreSheet {
        var files: [NABFileScore] = []
        var total = 0.0
        var totalCounts = NABCounts.zero
        for (fileIndex, file) in corpus.files.enumerated() {
            let base = weights.firstWindowOfFile[fileIndex]
            var windowParts = file.windows.indices.map {
                weights.windowIsScored[base + $0] ? -profile.falseNegativeWeight : 0
            }
            var falsePositiveSum = 0.0
            var counts = NABCounts.zero
            for position in weights.fileStarts[fileIndex]..<weights.fileStarts[fileIndex + 1] {
                let window = weights.windows[position]
                let detected = scores[position] >= threshold
                switch (window >= 0, detected) {
                case (true, true):
                    let value = weights.value(ofRow: position, profile: profile)
                    windowParts[window - base] = max(windowParts[window - base], value)
                    counts.truePositives += 1
                case (true, false):
                    counts.falseNegatives += 1
                case (false, true):
                    falsePositiveSum += weights.value(ofRow: position, profile: profile)
                    counts.falsePositives += 1
                case (false, false):
                    counts.trueNegatives += 1
                }
            }
            let score = windowParts.reduce(falsePositiveSum, +)
            files.append(NABFileScore(key: file.key, score: score, counts: counts))
            total += score
            totalCounts = totalCounts + counts
        }
        return NABScoreSheet(threshold: threshold, files: files, score: total, counts: totalCounts)
    }
}
