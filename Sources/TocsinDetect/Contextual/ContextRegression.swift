import Foundation
import TocsinCore

/// Expects each value from its context (a companion series such as the request rate)
/// through a polynomial regression refitted with exponential forgetting, and scores how
/// far the value departs from that expectation in units of the recent residual spread.
///
/// This is what keeps a service quiet under a harmless traffic surge while catching a
/// slow failure at low load: CPU, latency or memory that rise *with* the requests are
/// explained by them, the same rise without them is not. Without a context the
/// regression reduces to its intercept, and the detector is an exponentially weighted
/// z-score.
///
/// The first `warmUp` points fit the regression and the residual spread at once (the
/// spread robustly, from the median absolute residual, and never below the data's
/// resolution, so that counts of 0, 1 and 2 do not make a spread of a fraction of one);
/// scores are 0 until then.
/// Afterwards every point updates both, but with its residual clipped to `huber`
/// spreads, so an incident bends the model only slowly. With `z` the residual over its
/// prediction spread (the residual spread widened by the fit's own uncertainty at that
/// context, `√(1 + xᵀA⁻¹x)`, as in a regression's prediction interval, so that a context
/// far outside what the model has seen is judged with due caution), signed by
/// `direction`, the score is `z / (z + zThreshold)` for positive `z`
/// and 0 otherwise: exactly 0.5, the default threshold, at `zThreshold` spreads.
public struct ContextRegression: ContextualDetector, Hashable {
    public static let name = "context-regression"
    public static let stateVersion = 1

    /// Which departures from the expectation count.
    public enum Direction: String, Sendable, Codable, Hashable {
        /// Only values above the expectation (CPU, latency, errors).
        case up
        /// Only values below it (throughput, successful logins).
        case down
        /// Both.
        case both
    }

    /// Hyperparameters.
    public struct Configuration: DetectorConfiguration {
        /// Degree of the polynomial in the context (1, a straight line, extrapolates best).
        public var degree = 1
        /// Points after which an observation's weight has halved.
        public var halfLife = 1_000
        /// Points used for the first fit; scores are 0 until then.
        public var warmUp = 240
        /// Residual spreads at which the score reaches 0.5.
        public var zThreshold = 6.0
        /// Which departures count.
        public var direction = Direction.up
        /// Residuals are clipped to this many spreads before they update the model.
        public var huber = 3.0
        /// Ridge penalty on the non-intercept coefficients, relative to the total weight.
        public var ridge = 1e-4
        /// The smallest residual spread, in the series' units (guards constant series).
        public var minimumSpread = 0.0

        /// Creates the default configuration.
        public init() {}

        /// Checks every value.
        public func validate() throws(DetectorError) {
            guard (0...3).contains(degree) else { throw DetectorError("degree must be in 0...3, got \(degree)") }
            guard halfLife >= 1 else { throw DetectorError("halfLife must be at least 1, got \(halfLife)") }
            guard warmUp >= 2 * (degree + 1) else {
                throw DetectorError("warmUp must be at least \(2 * (degree + 1)) for degree \(degree), got \(warmUp)")
            }
            guard zThreshold > 0, zThreshold.isFinite else { throw DetectorError("zThreshold must be a positive number, got \(zThreshold)") }
            guard huber > 0, huber.isFinite else { throw DetectorError("huber must be a positive number, got \(huber)") }
            guard ridge >= 0, ridge.isFinite else { throw DetectorError("ridge must not be negative, got \(ridge)") }
            guard minimumSpread >= 0, minimumSpread.isFinite else {
                throw DetectorError("minimumSpread must not be negative, got \(minimumSpread)")
            }
        }
    }

    /// The fitted model once the warm-up is over.
    struct Fit: Sendable, Codable, Hashable {
        /// Centre and scale that map a context to the regression's variable.
        var center: Double
        var scale: Double
        var squares: DecayedLeastSquares
        var coefficients: [Double]
        /// The range of the regression variable seen so far; beyond it the polynomial
        /// continues as a straight line (as a natural spline does), so that a context far
        /// outside anything seen, such as a traffic surge, is not extrapolated by a
        /// square or a cube.
        var seen: ClosedRange<Double>
        /// Exponentially weighted mean squared (clipped) residual.
        var variance: Double
        /// The data's resolution: the smallest gap between distinct warm-up values (1 for
        /// counts), below which the spread cannot meaningfully fall.
        var quantum: Double
    }

    /// The hyperparameters.
    public let configuration: Configuration
    private var warmUpPoints: [[Double]] = []
    private var fit: Fit?
    private var latestContext: Double?

    /// Creates an untrained detector.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
    }

    public var defaultThreshold: Double { 0.5 }

    public func score(_ point: Point) -> Double {
        score(point, context: latestContext ?? 0)
    }

    public mutating func learn(_ point: Point) {
        learn(point, context: latestContext ?? 0)
    }

    public func score(_ point: Point, context: Double) -> Double {
        guard let fit, point.value.isFinite, context.isFinite else { return 0 }
        let residual = point.value - prediction(fit, context: context)
        let leverage = fit.squares.leverage(of: features(fit, context: context), ridge: configuration.ridge)
        let z = signed(residual) / (spread(fit, expected: point.value - residual) * (1 + leverage).squareRoot())
        return z > 0 ? z / (z + configuration.zThreshold) : 0
    }

    public mutating func learn(_ point: Point, context: Double) {
        guard point.value.isFinite, context.isFinite else { return }
        latestContext = context
        guard var current = fit else {
            warmUpPoints.append([context, point.value])
            if warmUpPoints.count >= configuration.warmUp { fit = firstFit() }
            return
        }
        let expected = prediction(current, context: context)
        let limit = configuration.huber * spread(current, expected: expected)
        let residual = min(max(point.value - expected, -limit), limit)
        current.squares.add(features(current, context: context), expected + residual)
        let variable = (context - current.center) / current.scale
        current.seen = min(current.seen.lowerBound, variable)...max(current.seen.upperBound, variable)
        current.coefficients = current.squares.coefficients(ridge: configuration.ridge)
        current.variance = decay * current.variance + (1 - decay) * residual * residual
        fit = current
    }

    /// Per-point decay of the weights.
    private var decay: Double { pow(0.5, 1 / Double(configuration.halfLife)) }

    private mutating func firstFit() -> Fit {
        let contexts = warmUpPoints.map { $0[0] }
        let center = contexts.reduce(0, +) / Double(contexts.count)
        let deviation = (contexts.reduce(0) { $0 + ($1 - center) * ($1 - center) } / Double(contexts.count)).squareRoot()
        let scale = deviation > 1e-9 * max(abs(center), 1) ? deviation : 1
        var result = Fit(center: center, scale: scale,
                         squares: DecayedLeastSquares(dimension: configuration.degree + 1, decay: decay),
                         coefficients: [], seen: 0...0, variance: 0,
                         quantum: Self.quantum(of: warmUpPoints.map { $0[1] }))
        let variables = contexts.map { ($0 - center) / scale }
        result.seen = variables.min()!...variables.max()!
        for row in warmUpPoints { result.squares.add(features(result, context: row[0]), row[1]) }
        result.coefficients = result.squares.coefficients(ridge: configuration.ridge)
        let residuals = warmUpPoints.map { abs($0[1] - prediction(result, context: $0[0])) }.sorted()
        let medianAbsolute = residuals[residuals.count / 2]
        result.variance = pow(1.4826 * medianAbsolute, 2)
        warmUpPoints = []
        return result
    }

    private func features(_ fit: Fit, context: Double) -> [Double] {
        powers(of: (context - fit.center) / fit.scale)
    }

    private func powers(of u: Double) -> [Double] {
        var row = [1.0]
        for _ in 0..<configuration.degree { row.append(row[row.count - 1] * u) }
        return row
    }

    /// The polynomial inside the seen range, its tangent at the nearer end outside it.
    private func prediction(_ fit: Fit, context: Double) -> Double {
        guard !fit.coefficients.isEmpty else { return 0 }
        let u = (context - fit.center) / fit.scale
        let end = min(max(u, fit.seen.lowerBound), fit.seen.upperBound)
        let value = zip(powers(of: end), fit.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        guard end != u else { return value }
        var slope = 0.0
        var power = 1.0
        for degree in 1..<fit.coefficients.count {
            slope += Double(degree) * fit.coefficients[degree] * power
            power *= end
        }
        return value + slope * (u - end)
    }

    /// The residual spread, floored so that a constant or near-constant series does not
    /// turn rounding noise into anomalies.
    private func spread(_ fit: Fit, expected: Double) -> Double {
        max(fit.variance.squareRoot(), fit.quantum, configuration.minimumSpread, 1e-6 * max(abs(expected), 1e-9))
    }

    /// The smallest gap between distinct values (0 for a constant series).
    private static func quantum(of values: [Double]) -> Double {
        let distinct = Set(values).sorted()
        return zip(distinct, distinct.dropFirst()).map { $1 - $0 }.min() ?? 0
    }

    private func signed(_ residual: Double) -> Double {
        switch configuration.direction {
        case .up: residual
        case .down: -residual
        case .both: abs(residual)
        }
    }
}

extension ContextRegression {
    private enum CodingKeys: String, CodingKey {
        case configuration, warmUpPoints, fit, latestContext
    }

    /// Decodes a saved detector, refusing one whose parts do not fit its configuration (a
    /// damaged or edited model): warm-up pairs of context and value, and a fit of as many
    /// features as the polynomial's degree gives.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        configuration = try container.decode(Configuration.self, forKey: .configuration)
        warmUpPoints = try container.decode([[Double]].self, forKey: .warmUpPoints)
        fit = try container.decodeIfPresent(Fit.self, forKey: .fit)
        latestContext = try container.decodeIfPresent(Double.self, forKey: .latestContext)
        do { try configuration.validate() } catch { throw container.unsound("context regression", error.message) }
        guard warmUpPoints.allSatisfy({ $0.count == 2 }) else {
            throw container.unsound("context regression", "a warm-up point is not a context and a value")
        }
        if let fit {
            let features = configuration.degree + 1
            guard fit.squares.dimension == features, fit.coefficients.count == features else {
                throw container.unsound("context regression",
                                        "a fit of \(fit.squares.dimension) features and \(fit.coefficients.count) coefficients for \(features)")
            }
        }
    }
}
