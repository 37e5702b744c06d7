extension SyntheticCloud {
    /// What to simulate: the fleet, the run's length and the incidents to inject.
    ///
    /// Every field has a default, and decoding fills in the default for any missing key,
    /// so a configuration file only names what it changes.
    public struct Configuration: Sendable, Codable, Hashable {
        /// Service names; each runs `instancesPerService` instances named `<service>-<n>`.
        /// A service called `auth` takes the logins (and so the brute-force attacks); the
        /// others see fewer authentication events.
        public var services = ["api", "checkout", "auth"]
        /// Instances per service.
        public var instancesPerService = 2
        /// The seed every random choice derives from.
        public var seed: UInt64 = 1
        /// Simulated seconds per tick: tick `i` is at `start + i × tickSeconds`.
        public var tickSeconds = 60.0
        /// Ticks in the run; every incident and heavy-load period ends before the last.
        public var totalTicks = 1_920
        /// Ticks in one simulated day: traffic is lowest at tick 0 and at every multiple
        /// of this, highest half-way between (a day compressed into the run).
        public var cycleTicks = 480
        /// Incidents to inject.
        public var incidentCount = 5
        /// The kinds to draw from: each kind is used once, in a seeded order, before any
        /// kind is used again.
        public var incidentKinds = IncidentKind.allCases
        /// Periods of heavy but normal traffic across the whole fleet.
        public var heavyLoadCount = 2
        /// No incident or heavy-load period starts before this tick (five simulated hours), so
        /// that detectors have seen a good part of the daily cycle first.
        public var warmUpTicks = 300
        /// Normal ticks kept between any two incidents or heavy-load periods, and after the
        /// last one, so that every metric is seen settling back.
        public var quietTicks = 40

        /// The default configuration.
        public init() {}

        /// The most ticks a run, a cycle, the warm-up or a quiet gap may have.
        public static let maximumTicks = 100_000_000
        /// The most incidents, or heavy-load periods, a run may have.
        public static let maximumPeriods = 10_000

        /// Checks every field (the schedule is checked when the cloud is built).
        public func validate() throws(SyntheticCloudError) {
            guard !services.isEmpty else { throw SyntheticCloudError("services must not be empty") }
            if let bad = services.first(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) }) {
                throw SyntheticCloudError("service names must be non-empty without spaces, got \"\(bad)\"")
            }
            guard Set(services).count == services.count else { throw SyntheticCloudError("service names must be unique") }
            guard (1...1_000).contains(instancesPerService) else {
                throw SyntheticCloudError("instancesPerService must be in 1...1000, got \(instancesPerService)")
            }
            guard tickSeconds.isFinite, tickSeconds > 0, tickSeconds <= 86_400 else {
                throw SyntheticCloudError("tickSeconds must be a number of seconds in (0, 86400], got \(tickSeconds)")
            }
            guard (1...Self.maximumTicks).contains(totalTicks) else {
                throw SyntheticCloudError("totalTicks must be in 1...\(Self.maximumTicks), got \(totalTicks)")
            }
            guard (120...Self.maximumTicks).contains(cycleTicks) else {
                throw SyntheticCloudError("cycleTicks must be in 120...\(Self.maximumTicks), got \(cycleTicks)")
            }
            guard (0...Self.maximumTicks).contains(warmUpTicks), (0...Self.maximumTicks).contains(quietTicks) else {
                throw SyntheticCloudError("warmUpTicks and quietTicks must be in 0...\(Self.maximumTicks)")
            }
            guard (0...Self.maximumPeriods).contains(incidentCount), (0...Self.maximumPeriods).contains(heavyLoadCount) else {
                throw SyntheticCloudError("incidentCount and heavyLoadCount must be in 0...\(Self.maximumPeriods)")
            }
            guard incidentCount == 0 || !incidentKinds.isEmpty else {
                throw SyntheticCloudError("incidentKinds must not be empty when incidentCount is \(incidentCount)")
            }
            guard Set(incidentKinds).count == incidentKinds.count else {
                throw SyntheticCloudError("incidentKinds must not repeat a kind")
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Configuration()
            services = try container.decodeIfPresent([String].self, forKey: .services) ?? defaults.services
            instancesPerService = try container.decodeIfPresent(Int.self, forKey: .instancesPerService) ?? defaults.instancesPerService
            seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
            tickSeconds = try container.decodeIfPresent(Double.self, forKey: .tickSeconds) ?? defaults.tickSeconds
            totalTicks = try container.decodeIfPresent(Int.self, forKey: .totalTicks) ?? defaults.totalTicks
            cycleTicks = try container.decodeIfPresent(Int.self, forKey: .cycleTicks) ?? defaults.cycleTicks
            incidentCount = try container.decodeIfPresent(Int.self, forKey: .incidentCount) ?? defaults.incidentCount
            incidentKinds = try container.decodeIfPresent([IncidentKind].self, forKey: .incidentKinds) ?? defaults.incidentKinds
            heavyLoadCount = try container.decodeIfPresent(Int.self, forKey: .heavyLoadCount) ?? defaults.heavyLoadCount
            warmUpTicks = try container.decodeIfPresent(Int.self, forKey: .warmUpTicks) ?? defaults.warmUpTicks
            quietTicks = try container.decodeIfPresent(Int.self, forKey: .quietTicks) ?? defaults.quietTicks
        }

        private enum CodingKeys: String, CodingKey {
            case services, instancesPerService, seed, tickSeconds, totalTicks, cycleTicks, incidentCount, incidentKinds
            case heavyLoadCount, warmUpTicks, quietTicks
        }
    }
}
