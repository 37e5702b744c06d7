/// A detector's anomaly scores for every scored row of a corpus, checked and laid out in
/// the order of ``NABRowWeights``, with the rows also ranked from highest score to lowest.
struct NABPooledScores: Sendable {
    /// The anomaly score of each scored row.
    let scores: [Double]
    /// Scored-row positions from the highest anomaly score to the lowest; equal scores keep
    /// corpus order.
    let descending: [Int]

    /// Checks `scores` (keyed by corpus key, one per data row, each in [0, 1]) against
    /// `corpus` and keeps the scores of the rows that `weights` scores.
    init(scores byKey: [String: [Double]], corpus: NABCorpus, weights: NABRowWeights) throws(NABError) {
        let keys = Set(corpus.files.map(\.key))
        if let stranger = byKey.keys.sorted().first(where: { !keys.contains($0) }) {
            throw NABError(file: stranger, reason: "has anomaly scores but is not a file of the corpus \(corpus.root)")
        }
        var scores: [Double] = []
        scores.reserveCapacity(weights.rows.count)
        for (fileIndex, file) in corpus.files.enumerated() {
            guard let fileScores = byKey[file.key] else {
                throw NABError(file: file.key, reason: "has no anomaly scores")
            }
            guard fileScores.count == file.rowCount else {
                throw NABError(
                    file: file.key,
                    reason: "has \(fileScores.count) anomaly scores but \(file.rowCount) data rows")
            }
            for (row, score) in fileScores.enumerated() where !(score >= 0 && score <= 1) {
                throw NABError(file: file.key, reason: "row \(row): anomaly score \(score) is outside [0, 1]")
            }
            for position in weights.fileStarts[fileIndex]..<weights.fileStarts[fileIndex + 1] {
                scores.append(fileScores[weights.rows[position]])
            }
        }
        self.scores = scores
        descending = Self.rank(scores)
    }

    /// Positions sorted by score, highest first, ties in position order.
    private static func rank(_ scores: [Double]) -> [Int] {
        struct Entry {
            let score: Double
            let position: Int
        }
        var entries = scores.enumerated().map { Entry(score: $1, position: $0) }
        entries.sort { $0.score > $1.score || ($0.score == $1.score && $0.position < $1.position) }
        return entries.map(\.position)
    }
}
