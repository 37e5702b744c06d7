import TocsinCore

/// A streaming anomaly detector over one univariate series.
///
/// The API follows River's `learn_one` / `score_one`: ``score(_:)`` rates a point
/// without changing the model, ``learn(_:)`` folds the point into the model. Scores
/// are in [0, 1], higher meaning more anomalous, and are exactly 0 while the
/// detector is still warming up. Deciding whether a score is an anomaly is the job
/// of a ``Thresholder``, not of the detector.
///
/// Detectors are value types: copying one forks the model. Their `Codable`
/// representation is the complete model state (see ``ModelArtifact``), and the same
/// configuration and seed always produce the same scores.
public protocol Detector: Sendable, Codable {
    /// The detector's hyperparameters; `init()` gives the defaults.
    associatedtype Configuration: DetectorConfiguration
    /// The detector's name in the catalog, the CLI and model artifacts, e.g. `isolation-forest`.
    static var name: String { get }
    /// The version of the encoded state; bumped whenever the encoding changes incompatibly.
    static var stateVersion: Int { get }
    /// Creates an untrained detector.
    init(configuration: Configuration) throws(DetectorError)
    /// The hyperparameters the detector was created with.
    var configuration: Configuration { get }
    /// The threshold to use when no other thresholder is configured.
    var defaultThreshold: Double { get }
    /// Scores a point without learning it: 0 during warm-up, otherwise in [0, 1].
    func score(_ point: Point) -> Double
    /// Folds a point into the model.
    mutating func learn(_ point: Point)
    /// Scores a point and then learns it. Detectors whose scoring and learning share
    /// work override this with a single pass; the result must equal `score` then `learn`.
    mutating func process(_ point: Point) -> Double
    /// Tells the detector what is known of the series before it streams, such as the
    /// range NAB hands every detector or the range of a stored history. Optional: a
    /// detector that never gets hints must still work.
    mutating func prepare(for hints: SeriesHints)
}

extension Detector {
    /// Scores a point and then learns it: the order NAB and the live service use,
    /// so that no point is ever judged by a model that has already seen it.
    public mutating func process(_ point: Point) -> Double {
        let result = score(point)
        learn(point)
        return result
    }

    /// Ignores the hints: most detectors learn everything from the stream.
    public mutating func prepare(for hints: SeriesHints) {}

    /// Runs a whole series through ``process(_:)`` and returns one score per point.
    public mutating func processAll(_ points: [Point]) -> [Double] {
        points.map { process($0) }
    }
}

/// A detector's hyperparameters: encodable, with defaults from `init()`.
public protocol DetectorConfiguration: Sendable, Codable, Hashable {
    /// The default hyperparameters.
    init()
}
