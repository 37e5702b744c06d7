import TocsinCore

/// Any streaming detector followed by the ``AnomalyLikelihood`` stage: the base
/// detector's scores become the likelihood that its recent scores are unusual for this
/// series, on Numenta's log scale. Named `BASE+likelihood` in the catalog, for example
/// `isolation-forest+likelihood`.
public struct LikelihoodDetector<Base: Detector>: SinglePassDetector {
    public static var name: String { Base.name + LikelihoodDetectorName.suffix }
    public static var stateVersion: Int { Base.stateVersion }

    /// The base detector's parameters and the likelihood stage's, side by side.
    public struct Configuration: DetectorConfiguration {
        /// The base detector's parameters.
        public var base = Base.Configuration()
        /// The likelihood stage's parameters.
        public var likelihood = AnomalyLikelihood.Configuration()

        /// The defaults of both.
        public init() {}

        private enum CodingKeys: String, CodingKey {
            case likelihoodProbation, likelihoodHistoricWindow, likelihoodReestimationPeriod, likelihoodAveragingWindow
        }

        /// Reads the base's parameters and the stage's from one flat object.
        public init(from decoder: any Decoder) throws {
            base = try Base.Configuration(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            likelihood.probation = try container.decode(Int.self, forKey: .likelihoodProbation)
            likelihood.historicWindow = try container.decode(Int.self, forKey: .likelihoodHistoricWindow)
            likelihood.reestimationPeriod = try container.decode(Int.self, forKey: .likelihoodReestimationPeriod)
            likelihood.averagingWindow = try container.decode(Int.self, forKey: .likelihoodAveragingWindow)
        }

        /// Writes the base's parameters and the stage's as one flat object.
        public func encode(to encoder: any Encoder) throws {
            try base.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(likelihood.probation, forKey: .likelihoodProbation)
            try container.encode(likelihood.historicWindow, forKey: .likelihoodHistoricWindow)
            try container.encode(likelihood.reestimationPeriod, forKey: .likelihoodReestimationPeriod)
            try container.encode(likelihood.averagingWindow, forKey: .likelihoodAveragingWindow)
        }

        /// Checks the stage's parameters (the base checks its own).
        func validate() throws(DetectorError) {
            guard likelihood.probation >= 2 else { throw DetectorError("likelihoodProbation must be at least 2, got \(likelihood.probation)") }
            guard likelihood.historicWindow >= 10 else {
                throw DetectorError("likelihoodHistoricWindow must be at least 10, got \(likelihood.historicWindow)")
            }
            guard likelihood.reestimationPeriod >= 1 else {
                throw DetectorError("likelihoodReestimationPeriod must be at least 1, got \(likelihood.reestimationPeriod)")
            }
            guard likelihood.averagingWindow >= 1 else {
                throw DetectorError("likelihoodAveragingWindow must be at least 1, got \(likelihood.averagingWindow)")
            }
        }
    }

    /// The parameters.
    public let configuration: Configuration
    private var base: Base
    private var stage: AnomalyLikelihood
    private var seen = 0

    /// Creates the base detector and a fresh stage.
    public init(configuration: Configuration) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
        base = try Base(configuration: configuration.base)
        stage = AnomalyLikelihood(configuration: configuration.likelihood)
    }

    /// A one-in-a-hundred-thousand run of base scores.
    public var defaultThreshold: Double { 0.5 }

    /// Passes the hints to the base; with a known length the probation becomes NAB's
    /// min(0.15·n, 750).
    public mutating func prepare(for hints: SeriesHints) {
        base.prepare(for: hints)
        guard seen == 0, let length = hints.length, length > 0, let probation = hints.nabProbation else { return }
        var settings = configuration.likelihood
        settings.probation = max(2, probation)
        stage = AnomalyLikelihood(configuration: settings)
    }


    public mutating func process(_ point: Point) -> Double {
        guard point.value.isFinite else { return 0 }
        let raw = base.process(point)
        seen += 1
        let likelihood = stage.likelihood(rawScore: raw, value: point.value)
        return seen > stage.configuration.probation ? AnomalyLikelihood.logScore(likelihood) : 0
    }
}

/// How the catalog names a detector followed by the likelihood stage.
enum LikelihoodDetectorName {
    static let suffix = "+likelihood"
}
