import Foundation

/// The typical level and spread of the values in one bucket of a seasonal profile (one
/// hour of the week, one hour of the day, or the whole series), with weights that halve
/// every `halfLife` seconds.
///
/// The level is the weighted mean of the values; the spread is the weighted mean of the
/// absolute errors `|x − level|` made predicting each value from the level before it,
/// times 1.2533 (√(π/2), which makes it the standard deviation for Gaussian data). The
/// profile also counts its values and the distinct cycles (days or weeks) they came
/// from, which is how young it is.
public struct DecayedProfile: Sendable, Codable, Hashable {
    /// The weighted mean of the values.
    public private(set) var level = 0.0
    /// The weighted mean absolute prediction error (0 until two values have been seen).
    public private(set) var absoluteError = 0.0
    /// The values seen.
    public private(set) var observations = 0
    /// The distinct cycles the values came from.
    public private(set) var cycles = 0
    private var weight = 0.0
    private var errorWeight = 0.0
    private var latestTime: Double?
    private var latestCycle: Int?

    /// An empty profile.
    public init() {}

    /// The spread as a standard deviation: 1.2533 times the mean absolute error.
    public var spread: Double { 1.2533 * absoluteError }

    /// Adds a finite `value` seen at `time` (epoch seconds) in cycle `cycle`, first decaying
    /// the weights of the earlier values by the time passed. With a `limit`, the value is
    /// first pulled to within `limit` of the level, so that an outlier moves the profile
    /// no further than a value `limit` away would.
    public mutating func add(_ value: Double, time: Double, cycle: Int, halfLife: Double, limit: Double? = nil) {
        let elapsed = latestTime.map { max(0, time - $0) } ?? 0
        let decay = pow(0.5, elapsed / halfLife)
        if latestCycle != cycle { cycles += 1 }
        latestTime = time
        latestCycle = cycle
        observations += 1
        weight = decay * weight + 1
        guard observations > 1 else {
            level = value
            return
        }
        var error = value - level
        if let limit { error = min(max(error, -limit), limit) }
        level += error / weight
        errorWeight = decay * errorWeight + 1
        absoluteError += (abs(error) - absoluteError) / errorWeight
    }
}
