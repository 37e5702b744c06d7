import Foundation

/// The detectors Tocsin knows by name: how to create each from text parameters, and
/// how to save and load its model artifact.
public enum DetectorCatalog {
    /// Streaming detectors over univariate series.
    public static let streaming: [StreamingEntry] = [
        StreamingEntry(DefaultDetector.self,
                       summary: "random cut forest scores as Numenta's anomaly likelihood, plus new highs and lows, with a rest after each alarm"),
        StreamingEntry(IsolationForestDetector.self,
                       summary: "isolation forest over lags, differences and rolling statistics, refitted on a sliding window"),
        StreamingEntry(RandomCutForestDetector.self,
                       summary: "robust random cut forest (Guha et al. 2016) over shingles, time-decayed samplers, AWS's anomaly score"),
        StreamingEntry(ThresholdedRandomCutForest.self,
                       summary: "random cut forest with an adaptive threshold on its recent scores, as AWS's ThresholdedRandomCutForest"),
        StreamingEntry(ContextualAnomalyDetector.self,
                       summary: "contextual anomaly detector (CAD OSE, Smirnov 2016): contexts of quantized values; scores unconfirmed and new contexts"),
        StreamingEntry(WindowedGaussian.self, summary: "Gaussian tail probability against a sliding window (NAB's baseline)"),
        StreamingEntry(RelativeEntropyDetector.self,
                       summary: "relative entropy of window histograms against learned hypotheses (Wang et al. 2011, NAB's relativeEntropy)"),
        StreamingEntry(SeasonalBaseline.self,
                       summary: "z-score against decayed hour-of-week / hour-of-day profiles (level and robust spread)"),
        StreamingEntry(RobustZScore.self, summary: "robust z-score: distance from the sliding-window median in scaled MADs"),
        StreamingEntry(EWMAZScore.self, summary: "z-score against an exponentially weighted moving mean and variance"),
        StreamingEntry(ContextRegression.self,
                       summary: "expects each value from a context series (e.g. the request rate) and scores the residual in spreads"),
        StreamingEntry(StaticThreshold.self, summary: "static upper/lower bounds, fixed or learned once as mean ± k·σ"),
    ]

    /// Batch detectors over feature vectors.
    public static let batch: [BatchEntry] = [
        BatchEntry(IsolationForestModel.self, summary: "isolation forest (Liu, Ting and Zhou 2008) over the given columns"),
        BatchEntry(RandomCutForestModel.self, summary: "random cut forest over the given columns, with per-column attribution"),
        BatchEntry(LSTMAutoencoder.self,
                   summary: "LSTM encoder-decoder over windows (rows), trained with BPTT and Adam; reconstruction error, threshold mean + k·σ of validation errors"),
    ]

    /// The streaming detector called `name`.
    /// Any of them followed by the likelihood stage is `NAME+likelihood`.
    public static func streaming(named name: String) throws(DetectorError) -> StreamingEntry {
        if name.hasSuffix(LikelihoodDetectorName.suffix), name.count > LikelihoodDetectorName.suffix.count {
            return try streaming(named: String(name.dropLast(LikelihoodDetectorName.suffix.count))).followedByLikelihood()
        }
        guard let entry = streaming.first(where: { $0.name == name }) else {
            throw DetectorError("unknown detector \"\(name)\"; known detectors: \(streaming.map(\.name).joined(separator: ", "))")
        }
        return entry
    }

    /// The batch detector called `name`.
    public static func batch(named name: String) throws(DetectorError) -> BatchEntry {
        guard let entry = batch.first(where: { $0.name == name }) else {
            throw DetectorError("unknown batch detector \"\(name)\"; batch detectors: \(batch.map(\.name).joined(separator: ", "))")
        }
        return entry
    }

    /// Loads a streaming detector from a model artifact, with its saved threshold.
    public static func loadStreaming(_ data: Data) throws(DetectorError) -> (detector: any Detector, threshold: Double) {
        let header = try ModelArtifact.header(of: data)
        let entry = try streaming(named: header.detector)
        return (try entry.load(data), header.threshold)
    }

    /// Loads a batch detector from a model artifact.
    public static func loadBatch(_ data: Data) throws(DetectorError) -> any BatchDetector {
        let header = try ModelArtifact.header(of: data)
        return try batch(named: header.detector).load(data)
    }

    /// Saves a streaming detector and its threshold as a model artifact.
    public static func save(_ detector: some Detector, threshold: Double) throws(DetectorError) -> Data {
        try ModelArtifact.encode(detector, detector: type(of: detector).name,
                                 stateVersion: type(of: detector).stateVersion, threshold: threshold)
    }

    /// Saves a fitted batch detector as a model artifact.
    public static func save(_ model: some BatchDetector) throws(DetectorError) -> Data {
        try ModelArtifact.encode(model, detector: type(of: model).name,
                                 stateVersion: type(of: model).stateVersion, threshold: model.threshold)
    }
}

/// A named streaming detector: its parameters and how to build or load it.
public struct StreamingEntry: Sendable {
    /// The catalog name.
    public let name: String
    /// One line on what it does.
    public let summary: String
    /// The parameters with their default values.
    public let parameters: [(name: String, value: String)]
    private let make: @Sendable ([String: String]) throws(DetectorError) -> any Detector
    private let decode: @Sendable (Data) throws(DetectorError) -> any Detector
    private let likelihoodEntry: @Sendable () -> StreamingEntry

    init<D: Detector>(_ type: D.Type, summary: String) {
        name = D.name
        self.summary = summary
        likelihoodEntry = {
            StreamingEntry(LikelihoodDetector<D>.self, summary: "\(D.name) followed by the anomaly likelihood stage")
        }
        parameters = ParameterOverrides.defaults(of: D.Configuration())
        make = { overrides throws(DetectorError) in
            try D(configuration: ParameterOverrides.apply(overrides, to: D.Configuration(), detector: D.name))
        }
        decode = { data throws(DetectorError) in
            let detector = try ModelArtifact.state(D.self, from: data, expectedVersion: D.stateVersion)
            // A saved configuration the detector would refuse to start from is a damaged model.
            do throws(DetectorError) { _ = try D(configuration: detector.configuration) } catch {
                throw DetectorError("the \(D.name) model is corrupt: its configuration is refused: \(error.message)")
            }
            return detector
        }
    }

    /// A new detector with the default parameters changed by `parameters` (name → value as text).
    public func make(parameters: [String: String] = [:]) throws(DetectorError) -> any Detector {
        try make(parameters)
    }

    func load(_ data: Data) throws(DetectorError) -> any Detector {
        try decode(data)
    }

    /// This detector followed by the anomaly likelihood stage.
    func followedByLikelihood() -> StreamingEntry {
        likelihoodEntry()
    }
}

/// A named batch detector: its parameters and how to build or load it.
public struct BatchEntry: Sendable {
    /// The catalog name.
    public let name: String
    /// One line on what it does.
    public let summary: String
    /// The parameters with their default values.
    public let parameters: [(name: String, value: String)]
    private let make: @Sendable ([String: String]) throws(DetectorError) -> any BatchDetector
    private let decode: @Sendable (Data) throws(DetectorError) -> any BatchDetector

    init<D: BatchDetector>(_ type: D.Type, summary: String) {
        name = D.name
        self.summary = summary
        parameters = ParameterOverrides.defaults(of: D.Configuration())
        make = { overrides throws(DetectorError) in
            D(configuration: try ParameterOverrides.apply(overrides, to: D.Configuration(), detector: D.name))
        }
        decode = { data throws(DetectorError) in try ModelArtifact.state(D.self, from: data, expectedVersion: D.stateVersion) }
    }

    /// A new, unfitted model with the default parameters changed by `parameters`.
    public func make(parameters: [String: String] = [:]) throws(DetectorError) -> any BatchDetector {
        try make(parameters)
    }

    func load(_ data: Data) throws(DetectorError) -> any BatchDetector {
        try decode(data)
    }
}
