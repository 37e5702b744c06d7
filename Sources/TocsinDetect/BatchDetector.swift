/// An unsupervised detector over feature vectors: fitted once on a training matrix,
/// then used to score the rows of other matrices.
///
/// Scores are in [0, 1], higher meaning more anomalous.
public protocol BatchDetector: Sendable, Codable {
    /// The detector's name in the catalog, the CLI and model artifacts.
    static var name: String { get }
    /// The version of the encoded state.
    static var stateVersion: Int { get }
    /// The model's hyperparameters; `init()` gives the defaults.
    associatedtype Configuration: DetectorConfiguration
    /// Creates an unfitted model.
    init(configuration: Configuration)
    /// The hyperparameters.
    var configuration: Configuration { get }
    /// Names of the feature columns, kept in the artifact with the model.
    var featureNames: [String] { get set }
    /// Fits the model to the rows of `training`, replacing any earlier fit.
    mutating func fit(_ training: Matrix) throws(DetectorError)
    /// Scores each row of `data`; one score per row, in order.
    func score(_ data: Matrix) throws(DetectorError) -> [Double]
    /// The score threshold derived from the fit (for example from `contamination`).
    var threshold: Double { get }
}
