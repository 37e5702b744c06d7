/// Silences the scores for a while after a high one, so that one anomaly raises one
/// alarm: a score is reported only if none of the `length` raw scores before it reached
/// `threshold`. The stream starts as if just after a high score, which makes the first
/// `length` scores 0: the detector's warm-up.
struct RawScoreRest: Sendable, Codable, Hashable {
    /// The raw scores looked back over.
    let length: Int
    /// The raw score that starts a rest.
    let threshold: Double
    /// Raw scores seen.
    private var seen = 0
    /// The position of the last raw score at or above the threshold (0 is the virtual
    /// high score before the stream).
    private var lastHigh = 0

    /// A rest of `length` (at least 1) scores after each score of at least `threshold`.
    init(length: Int, threshold: Double) {
        self.length = length
        self.threshold = threshold
    }

    /// The score to report for the next raw score.
    mutating func report(_ raw: Double) -> Double {
        seen += 1
        let resting = lastHigh >= seen - length
        if raw >= threshold { lastHigh = seen }
        return resting ? 0 : raw
    }
}
