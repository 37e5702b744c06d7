import TocsinEval

/// One detector of the scoreboard chart and table: its normalized score under each of NAB's
/// three profiles, from the published scoreboard or from this run.
struct ScoreboardEntry: Sendable, Equatable {
    /// The profiles of the scoreboard, in column order.
    static let profileNames = NABProfile.defaults.map(\.name)

    /// The detector's name.
    let label: String
    /// The normalized score per profile of ``profileNames``; `nil` when this run has no result for it.
    let scores: [Double?]
    /// Whether the entry is the report's own run rather than a published figure.
    let isThisRun: Bool

    /// The published rows and this run, ordered by standard score, highest first; this run
    /// comes before published rows with an equal score.
    static func entries(of report: NABEvaluationReport) -> [ScoreboardEntry] {
        let published = report.scoreboard.map { row in
            ScoreboardEntry(
                label: row.detector, scores: [row.standard, row.rewardLowFP, row.rewardLowFN], isThisRun: false)
        }
        let ownScores = profileNames.map { name in
            report.results.first { $0.profile.name == name }?.normalizedScore
        }
        let own = ScoreboardEntry(label: report.detector + " (this run)", scores: ownScores, isThisRun: true)
        let position = published.firstIndex { ($0.scores[0] ?? -.infinity) <= (ownScores[0] ?? -.infinity) }
        var entries = published
        entries.insert(own, at: position ?? published.count)
        return entries
    }

    /// The score range a chart of `entries` must show: from 0 (or the lowest score) to 100
    /// (or the highest).
    static func domain(of entries: [ScoreboardEntry]) -> ClosedRange<Double> {
        let values = entries.flatMap { $0.scores.compactMap { $0 } }.filter(\.isFinite)
        return min(0, values.min() ?? 0)...max(100, values.max() ?? 100)
    }

    /// The entry's score under profile `index` as text: this run's with two decimals,
    /// published ones with the one decimal they were published with.
    func scoreText(_ index: Int) -> String {
        guard let score = scores[index] else { return NumberText.undefined }
        return isThisRun ? NumberText.normalizedScore(score) : NumberText.publishedScore(score)
    }
}
