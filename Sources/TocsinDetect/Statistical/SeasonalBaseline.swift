import TocsinCore

/// A seasonal baseline: each value is compared with the values seen at the same hour of
/// the week, or while that hour has been seen in too few weeks, at the same hour of the
/// day, or while that too is young, with the whole series.
///
/// The detector keeps 168 hour-of-week profiles, 24 hour-of-day profiles and one profile
/// of the whole series (hours in UTC, weeks from Monday), each an exponentially decayed
/// level and robust spread (``DecayedProfile``) whose weights halve every `halfLife`
/// cycles: weeks for the hour-of-week profiles, days for the others. A profile is used
/// once it has values from `minimumCycles` distinct weeks or days; the whole-series one
/// once it has `warmUp` values, and scores are 0 until then. Every value updates the
/// three profiles it falls in. In an hour's profile it is first pulled to within `huber`
/// spreads of the level once that profile is in use, so that an anomaly bends the hour's
/// baseline only slowly; the whole-series profile takes values as they are, so that its
/// spread includes the series' heavy tails.
///
/// The spread a value is judged against is the profile's, but never below `spreadFloor`
/// times the whole series' spread (so that an hour that has always been flat, or a
/// series whose spikes are routine, does not turn every wiggle into an anomaly), the
/// data's resolution (``ValueResolution``) or `minimumSpread`. The score is `z / (z + zThreshold)` with `z` the signed deviation
/// from the profile's level in spreads (see ``DeviationScore``): 0.5, the default
/// threshold, at `zThreshold` spreads. This catches a value that is ordinary for the
/// series but not for the hour, such as daytime traffic in the middle of the night.
public struct SeasonalBaseline: Detector, Hashable {
    public static let name = "seasonal-baseline"
    public static let stateVersion = 1

    /// Hyperparameters.
    public struct Configuration: DetectorConfiguration {
        /// Cycles (weeks for hour-of-week profiles, days for the others) after which a
        /// value's weight has halved.
        public var halfLife = 4.0
        /// Distinct weeks (or days) an hour must have been seen in before its profile is used.
        public var minimumCycles = 2
        /// Values to see before the whole-series profile is used, and so before scoring.
        public var warmUp = 30
        /// Spreads at which the score reaches 0.5.
        public var zThreshold = 4.0
        /// Which departures from the profile count.
        public var side = DeviationSide.both
        /// Values further than this many spreads from an hour's level move its profile as
        /// if they were this far.
        public var huber = 3.0
        /// The smallest spread as a fraction of the whole series' spread.
        public var spreadFloor = 0.5
        /// The smallest spread, in the series' units.
        public var minimumSpread = 0.0

        /// Creates the default configuration.
        public init() {}

        /// Checks every value.
        public func validate() throws(DetectorError) {
            guard halfLife > 0, halfLife.isFinite else { throw DetectorError("halfLife must be a positive number, got \(halfLife)") }
            guard minimumCycles >= 1 else { throw DetectorError("minimumCycles must be at least 1, got \(minimumCycles)") }
            guard warmUp >= 2 else { throw DetectorError("warmUp must be at least 2, got \(warmUp)") }
            guard zThreshold > 0, zThreshold.isFinite else { throw DetectorError("zThreshold must be a positive number, got \(zThreshold)") }
            guard huber > 0, huber.isFinite else { throw DetectorError("huber must be a positive number, got \(huber)") }
            guard spreadFloor >= 0, spreadFloor.isFinite else { throw DetectorError("spreadFloor must not be negative, got \(spreadFloor)") }
            guard minimumSpread >= 0, minimumSpread.isFinite else {
                throw DetectorError("minimumSpread must not be negative, got \(minimumSpread)")
            }
        }
    }

    /// Where a timestamp falls in the day and the week.
    struct Slot {
        static let secondsPerHour = 3_600.0
        static let secondsPerDay = 86_400.0
        static let secondsPerWeek = 604_800.0

        let day: Int
        let week: Int
        let hourOfDay: Int
        let hourOfWeek: Int

        init(epochSeconds: Double) {
            // 1970-01-01 was a Thursday: weeks counted from Mondays start 3 days earlier.
            let shifted = epochSeconds + 3 * Self.secondsPerDay
            day = Int((epochSeconds / Self.secondsPerDay).rounded(.down))
            week = Int((shifted / Self.secondsPerWeek).rounded(.down))
            hourOfDay = Int(((epochSeconds - Double(day) * Self.secondsPerDay) / Self.secondsPerHour).rounded(.down))
            hourOfWeek = Int(((shifted - Double(week) * Self.secondsPerWeek) / Self.secondsPerHour).rounded(.down))
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    private var hourOfWeek = Array(repeating: DecayedProfile(), count: 168)
    private var hourOfDay = Array(repeating: DecayedProfile(), count: 24)
    private var overall = DecayedProfile()
    private var resolution = ValueResolution()

    /// Creates an empty detector.
    public init(configuration: Configuration = Configuration()) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
    }

    public var defaultThreshold: Double { 0.5 }

    public func score(_ point: Point) -> Double {
        let time = point.timestamp.timeIntervalSince1970
        guard point.value.isFinite, time.isFinite, let profile = reference(at: Slot(epochSeconds: time)) else { return 0 }
        return DeviationScore.score(deviation: point.value - profile.level, spread: spread(of: profile),
                                    side: configuration.side, zThreshold: configuration.zThreshold)
    }

    public mutating func learn(_ point: Point) {
        let time = point.timestamp.timeIntervalSince1970
        guard point.value.isFinite, time.isFinite else { return }
        let slot = Slot(epochSeconds: time)
        let value = point.value
        let daily = configuration.halfLife * Slot.secondsPerDay
        let weekly = configuration.halfLife * Slot.secondsPerWeek
        hourOfWeek[slot.hourOfWeek].add(value, time: time, cycle: slot.week, halfLife: weekly,
                                        limit: limit(for: hourOfWeek[slot.hourOfWeek]))
        hourOfDay[slot.hourOfDay].add(value, time: time, cycle: slot.day, halfLife: daily,
                                      limit: limit(for: hourOfDay[slot.hourOfDay]))
        overall.add(value, time: time, cycle: slot.day, halfLife: daily)
        resolution.observe(value)
    }

    /// The profile a value at `slot` is judged against, if any is old enough.
    private func reference(at slot: Slot) -> DecayedProfile? {
        if isMature(hourOfWeek[slot.hourOfWeek]) { return hourOfWeek[slot.hourOfWeek] }
        if isMature(hourOfDay[slot.hourOfDay]) { return hourOfDay[slot.hourOfDay] }
        return overall.observations >= configuration.warmUp ? overall : nil
    }

    private func isMature(_ profile: DecayedProfile) -> Bool {
        profile.cycles >= configuration.minimumCycles && overall.observations >= configuration.warmUp
    }

    /// The spread a value is judged against: the profile's, with the floors.
    private func spread(of profile: DecayedProfile) -> Double {
        max(profile.spread, configuration.spreadFloor * overall.spread, resolution.step,
            configuration.minimumSpread, 1e-12 * max(abs(profile.level), 1))
    }

    /// How far from its level an hour's profile lets a value pull it, once it is in use.
    private func limit(for profile: DecayedProfile) -> Double? {
        isMature(profile) ? configuration.huber * spread(of: profile) : nil
    }
}
