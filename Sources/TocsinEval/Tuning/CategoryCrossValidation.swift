/// Leave-one-category-out evaluation of detector configurations on NAB: for each
/// category in turn, the configuration and its threshold are chosen on the other
/// categories only, and the held-out category is scored with them. The held-out raw
/// scores of all categories are summed and normalized against the whole corpus, so the
/// result reads like a NAB score that no file helped to tune.
public struct CategoryCrossValidation: Sendable {
    /// One configuration's scores, keyed by corpus file key.
    public typealias Candidate = (name: String, scores: [String: [Double]])

    /// The result under one profile.
    public struct Result: Sendable, Hashable {
        /// The configuration that is best on the whole corpus, and its (in-sample) score.
        public let best: String
        public let inSample: Double
        /// The score with configuration and threshold chosen without each file's category.
        public let heldOut: Double
        /// Per held-out category, the configuration chosen on the others.
        public let choices: [String: String]
    }

    public let corpus: NABCorpus

    /// Creates the evaluation over `corpus`.
    public init(corpus: NABCorpus) {
        self.corpus = corpus
    }

    /// The categories, in order.
    public var categories: [String] {
        Array(Set(corpus.files.map(\.category))).sorted()
    }

    /// Evaluates `candidates` (each with scores for every corpus file) under `profile`.
    public func evaluate(_ candidates: [Candidate], profile: NABProfile) throws(NABError) -> Result {
        guard !candidates.isEmpty else { throw NABError(file: corpus.root, reason: "no configuration to evaluate") }
        let whole = NABScorer(corpus: corpus)
        var best = (name: "", score: -Double.infinity)
        for candidate in candidates {
            let optimum = try whole.optimizeThreshold(scores: candidate.scores, profile: profile)
            let score = try whole.normalize(optimum.score, profile: profile)
            if score > best.score { best = (candidate.name, score) }
        }
        var heldOutRaw = 0.0
        var choices: [String: String] = [:]
        for category in categories {
            let training = try NABCorpus(root: corpus.root, files: corpus.files.filter { $0.category != category })
            let testing = try NABCorpus(root: corpus.root, files: corpus.files.filter { $0.category == category })
            let trainer = NABScorer(corpus: training)
            var chosen: (name: String, threshold: Double, score: Double)?
            for candidate in candidates {
                let optimum = try trainer.optimizeThreshold(scores: Self.restrict(candidate.scores, to: training), profile: profile)
                if chosen == nil || optimum.score > chosen!.score { chosen = (candidate.name, optimum.threshold, optimum.score) }
            }
            guard let chosen, let candidate = candidates.first(where: { $0.name == chosen.name }) else { continue }
            choices[category] = chosen.name
            heldOutRaw += try NABScorer(corpus: testing).score(scores: Self.restrict(candidate.scores, to: testing), profile: profile,
                                                                threshold: chosen.threshold).score
        }
        return Result(best: best.name, inSample: best.score, heldOut: try whole.normalize(heldOutRaw, profile: profile),
                      choices: choices)
    }

    private static func restrict(_ scores: [String: [Double]], to corpus: NABCorpus) -> [String: [Double]] {
        var subset: [String: [Double]] = [:]
        for file in corpus.files { subset[file.key] = scores[file.key] }
        return subset
    }
}
