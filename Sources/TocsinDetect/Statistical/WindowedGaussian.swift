import TocsinCore

/// NAB's windowed Gaussian baseline: the mean and standard deviation of the last
/// `windowSize` values, refreshed after every value until the window is full and then
/// every `stepSize` values. A value's score is `1 - Q(|z|)`, one minus the Gaussian
/// upper-tail probability of its distance from the mean in standard deviations: 0.5 at
/// the mean, towards 1 far from it on either side. With the defaults the scores equal
/// NAB's published `windowedGaussian` results after the warm-up.
public struct WindowedGaussian: Detector, Hashable {
    public static let name = "windowed-gaussian"
    public static let stateVersion = 1

    /// Hyperparameters (NAB's by default).
    public struct Configuration: DetectorConfiguration {
        /// Values in the window.
        public var windowSize = 6_400
        /// Values collected before the full window slides forward.
        public var stepSize = 100
        /// Values to see before scoring (the warm-up).
        public var warmUp = 30

        /// Creates the default configuration.
        public init() {}

        /// Checks every value.
        public func validate() throws(DetectorError) {
            guard windowSize >= 2 else { throw DetectorError("windowSize must be at least 2, got \(windowSize)") }
            guard (1...windowSize).contains(stepSize) else {
                throw DetectorError("stepSize must be in 1...windowSize (\(windowSize)), got \(stepSize)")
            }
            guard warmUp >= 1 else { throw DetectorError("warmUp must be at least 1, got \(warmUp)") }
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    private var window: [Double] = []
    private var pending: [Double] = []
    private var seen = 0
    private var mean = 0.0
    private var standardDeviation = 1.0

    /// Creates an empty detector.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
    }

    public var defaultThreshold: Double { 0.9999 }

    public func score(_ point: Point) -> Double {
        guard seen >= configuration.warmUp, !window.isEmpty, point.value.isFinite else { return 0 }
        return 1 - GaussianTail.upper(abs(point.value - mean) / standardDeviation)
    }

    public mutating func learn(_ point: Point) {
        guard point.value.isFinite else { return }
        seen += 1
        if window.count < configuration.windowSize {
            window.append(point.value)
            refreshMoments()
        } else {
            pending.append(point.value)
            if pending.count == configuration.stepSize {
                window.removeFirst(configuration.stepSize)
                window.append(contentsOf: pending)
                pending.removeAll(keepingCapacity: true)
                refreshMoments()
            }
        }
    }

    private mutating func refreshMoments() {
        var sum = 0.0
        for value in window { sum += value }
        mean = sum / Double(window.count)
        var squares = 0.0
        for value in window { squares += (value - mean) * (value - mean) }
        standardDeviation = (squares / Double(window.count)).squareRoot()
        if standardDeviation == 0 { standardDeviation = 0.000001 }
    }
}
