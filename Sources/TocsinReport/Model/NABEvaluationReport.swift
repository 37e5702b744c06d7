import TocsinEval

/// Everything an evaluation report shows about one detector's run over a NAB corpus: the
/// anomaly scores, the scorer's results per profile and the run time.
///
/// Detections are the scored (non-probation) rows whose anomaly score is at least the
/// threshold of the `standard` profile's result (or of the first result when there is no
/// `standard` one); the per-file plots, the precision, recall and F1 figures and the score
/// distributions all use that threshold.
public struct NABEvaluationReport: Sendable {
    /// The detector's name, as shown in titles.
    public let detector: String
    /// The corpus the detector ran over.
    public let corpus: NABCorpus
    /// The detector's anomaly scores, keyed by corpus key, one per data row.
    public let scores: [String: [Double]]
    /// The scorer's result per profile, as ``NABScorer/evaluate(scores:profiles:)`` returns them.
    public let results: [NABProfileResult]
    /// The wall time of the run, in seconds.
    public let seconds: Double
    /// The published scores to compare with.
    public let scoreboard: [NABScoreboardRow]

    /// The name of the profile whose threshold marks detections.
    public static let detectionProfileName = NABProfile.standard.name

    /// Creates a report, checking that the scores and results belong to `corpus`.
    ///
    /// - Parameters:
    ///   - scores: Anomaly scores keyed by corpus key, one per data row of every corpus file.
    ///   - results: At least one profile result, each with one file score per corpus file in
    ///     corpus order.
    ///   - scoreboard: The published scoreboard, by default NAB's.
    public init(
        detector: String, corpus: NABCorpus, scores: [String: [Double]], results: [NABProfileResult],
        seconds: Double, scoreboard: [NABScoreboardRow] = NABScoreboardRow.published
    ) throws(NABError) {
        guard !results.isEmpty else {
            throw NABError(file: corpus.root, reason: "a report needs at least one profile result")
        }
        let keys = corpus.files.map(\.key)
        for result in results where result.files.map(\.key) != keys {
            throw NABError(
                file: corpus.root, reason: "the \(result.profile.name) result does not score the files of the corpus")
        }
        for file in corpus.files {
            guard let fileScores = scores[file.key] else {
                throw NABError(file: file.key, reason: "has no anomaly scores")
            }
            guard fileScores.count == file.rowCount else {
                throw NABError(
                    file: file.key, reason: "has \(fileScores.count) anomaly scores but \(file.rowCount) data rows")
            }
        }
        self.detector = detector
        self.corpus = corpus
        self.scores = scores
        self.results = results
        self.seconds = seconds
        self.scoreboard = scoreboard
    }

    /// The result whose threshold marks detections: the `standard` profile's, else the first.
    public var detectionResult: NABProfileResult {
        results.first { $0.profile.name == Self.detectionProfileName } ?? results[0]
    }

    /// Rows whose anomaly score is at least this are detections.
    public var threshold: Double { detectionResult.threshold }

    /// Every corpus file with its detections and metrics at ``threshold``, in corpus order.
    var fileEvaluations: [FileEvaluation] {
        zip(corpus.files, detectionResult.files).map { file, fileScore in
            FileEvaluation(file: file, scores: scores[file.key] ?? [], nabScore: fileScore, threshold: threshold)
        }
    }
}
