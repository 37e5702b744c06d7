/// Which features to derive from a univariate series for a vector detector.
///
/// For the newest value `x[t]` the features are, in order: `x[t]`, the lags
/// `x[t-1] … x[t-lags]`, the first differences `x[t]-x[t-1] … ` (`differences` of them,
/// each one step further back), and the mean and standard deviation of the last
/// `rollingWindow` values (including `x[t]`) when `rollingWindow > 1`.
public struct SeriesFeatures: Sendable, Codable, Hashable {
    /// How many previous values to include.
    public var lags: Int
    /// How many first differences to include.
    public var differences: Int
    /// The rolling-statistics window; 0 or 1 turns the rolling features off.
    public var rollingWindow: Int

    /// Creates a feature specification.
    public init(lags: Int = 3, differences: Int = 1, rollingWindow: Int = 12) {
        self.lags = lags
        self.differences = differences
        self.rollingWindow = rollingWindow
    }

    /// Checks that every count is in range.
    public func validate() throws(DetectorError) {
        guard (0...256).contains(lags) else { throw DetectorError("lags must be in 0...256, got \(lags)") }
        guard (0...256).contains(differences) else { throw DetectorError("differences must be in 0...256, got \(differences)") }
        guard (0...10_000).contains(rollingWindow) else {
            throw DetectorError("rollingWindow must be in 0...10000, got \(rollingWindow)")
        }
    }

    /// The names of the features, in vector order.
    public var names: [String] {
        var names = ["value"]
        names += (0..<lags).map { "lag_\($0 + 1)" }
        names += (0..<differences).map { "diff_\($0 + 1)" }
        if rollingWindow > 1 { names += ["rolling_mean_\(rollingWindow)", "rolling_std_\(rollingWindow)"] }
        return names
    }

    /// How many values, including the newest, one vector needs.
    public var history: Int {
        max(lags + 1, differences + 1, rollingWindow, 1)
    }

    /// The feature vector ending at `newest`, given the previous values in `recent`
    /// (`recent.recent(0)` is the value just before `newest`); nil until enough
    /// values have been seen.
    public func vector(newest: Double, recent: RingBuffer<Double>) -> [Double]? {
        guard recent.count >= history - 1 else { return nil }
        func value(_ age: Int) -> Double { age == 0 ? newest : recent.recent(age - 1) }
        var vector = [newest]
        vector.reserveCapacity(names.count)
        for lag in 0..<lags { vector.append(value(lag + 1)) }
        for step in 0..<differences { vector.append(value(step) - value(step + 1)) }
        if rollingWindow > 1 {
            var sum = 0.0
            var sumOfSquares = 0.0
            for age in 0..<rollingWindow {
                let x = value(age)
                sum += x
                sumOfSquares += x * x
            }
            let mean = sum / Double(rollingWindow)
            vector.append(mean)
            vector.append(max(0, sumOfSquares / Double(rollingWindow) - mean * mean).squareRoot())
        }
        return vector
    }
}
