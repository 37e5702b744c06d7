import TocsinCore

/// A robust z-score against a sliding window: how far a value lies from the median of the
/// last `windowSize` values, in units of their median absolute deviation (MAD) scaled to
/// a standard deviation, `z = |x − median| / (1.4826·MAD)`.
///
/// The window is kept sorted (``SortedBlocks``), so a value costs O(√windowSize) rather
/// than a sort. When more than half the window holds one value the MAD is 0, and the
/// spread falls back on the mean absolute deviation from the median (scaled by 1.2533,
/// which also gives the standard deviation of Gaussian data); it is never taken below
/// the data's resolution (``ValueResolution``), `spreadFloor` times the window's standard
/// deviation, nor `minimumSpread`. On a constant series every value scores 0 and the
/// first different one about 1.
///
/// With the default `spreadFloor` of 0 the z-score is fully robust: routine spikes do not
/// widen the spread, so each of them scores high again. A floor of 0.5 to 1 lets a
/// heavy-tailed series' own outliers widen it, trading that robustness for fewer alarms
/// on spiky series (on NAB it lifts the standard score from about 1 to 34–39).
///
/// The score is `z / (z + zThreshold)` on the watched `side` and 0 on the other (see
/// ``DeviationScore``): 0.5, the default threshold, at `zThreshold` spreads. Scores are 0
/// until `warmUp` values have been seen.
public struct RobustZScore: Detector, Hashable {
    public static let name = "robust-z"
    public static let stateVersion = 1

    /// Hyperparameters.
    public struct Configuration: DetectorConfiguration {
        /// Values the median and MAD are taken over.
        public var windowSize = 1_000
        /// Values to see before scoring.
        public var warmUp = 50
        /// Spreads at which the score reaches 0.5.
        public var zThreshold = 5.0
        /// Which departures from the median count.
        public var side = DeviationSide.both
        /// The smallest spread as a fraction of the window's standard deviation (0 keeps
        /// the z-score fully robust).
        public var spreadFloor = 0.0
        /// The smallest spread, in the series' units.
        public var minimumSpread = 0.0

        /// Creates the default configuration.
        public init() {}

        /// Checks every value.
        public func validate() throws(DetectorError) {
            guard windowSize >= 3 else { throw DetectorError("windowSize must be at least 3, got \(windowSize)") }
            guard (1...windowSize).contains(warmUp) else {
                throw DetectorError("warmUp must be in 1...windowSize (\(windowSize)), got \(warmUp)")
            }
            guard zThreshold > 0, zThreshold.isFinite else { throw DetectorError("zThreshold must be a positive number, got \(zThreshold)") }
            guard spreadFloor >= 0, spreadFloor.isFinite else { throw DetectorError("spreadFloor must not be negative, got \(spreadFloor)") }
            guard minimumSpread >= 0, minimumSpread.isFinite else {
                throw DetectorError("minimumSpread must not be negative, got \(minimumSpread)")
            }
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    private var window: RingBuffer<Double>
    private var sorted: SortedBlocks
    private var resolution = ValueResolution()

    /// Creates an empty detector.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
        window = RingBuffer(capacity: configuration.windowSize)
        sorted = SortedBlocks(blockSize: Int(Double(configuration.windowSize).squareRoot().rounded(.up)))
    }

    public var defaultThreshold: Double { 0.5 }

    public func score(_ point: Point) -> Double {
        guard sorted.count >= configuration.warmUp, point.value.isFinite else { return 0 }
        let index = sorted.rankIndex
        let median = index.median
        var spread = 1.4826 * index.medianAbsoluteDeviation(from: median)
        if spread == 0 { spread = 1.2533 * index.meanAbsoluteDeviation(from: median) }
        if configuration.spreadFloor > 0 { spread = max(spread, configuration.spreadFloor * index.variance.squareRoot()) }
        spread = max(spread, resolution.step, configuration.minimumSpread, 1e-12 * max(abs(median), 1))
        return DeviationScore.score(deviation: point.value - median, spread: spread,
                                    side: configuration.side, zThreshold: configuration.zThreshold)
    }

    public mutating func learn(_ point: Point) {
        guard point.value.isFinite else { return }
        if window.isFull { sorted.remove(window.recent(window.capacity - 1)) }
        window.append(point.value)
        sorted.insert(point.value)
        resolution.observe(point.value)
    }
}
