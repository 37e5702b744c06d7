import TocsinCore

/// When and where the incidents and heavy-load periods of a run happen, drawn once from
/// the seed. No two of them come within `quietTicks` of each other, none starts before
/// `warmUpTicks`, and each ends at least `quietTicks` before the run does.
struct Schedule: Sendable {
    /// An incident with the parameters of its effect.
    struct Entry: Sendable {
        /// The ground truth.
        let incident: InjectedIncident
        /// The affected instance's position in the fleet.
        let instanceIndex: Int
        /// Where in its kind's range of effects this one lies, in [0, 1).
        let severity: Double
    }

    /// The incidents, in order of start.
    let incidents: [Entry]
    /// The heavy-load periods, in order of start.
    let heavyLoads: [HeavyLoad]

    /// Draws the schedule for a validated configuration.
    init(configuration: SyntheticCloud.Configuration, fleet: [InstanceProfile]) throws(SyntheticCloudError) {
        var random = StreamSeed.generator(configuration.seed, .schedule)
        var requests: [(kind: IncidentKind?, duration: Int)] = Self.kinds(configuration, &random).map {
            ($0, random.nextInt(in: $0.durations(cycleTicks: configuration.cycleTicks)))
        }
        requests += (0..<configuration.heavyLoadCount).map { _ in (nil, random.nextInt(in: HeavyLoad.durations)) }
        let order = requests.indices.sorted { left, right in
            let first = requests[left], second = requests[right]
            if (first.kind == .memoryLeak) != (second.kind == .memoryLeak) { return first.kind == .memoryLeak }
            return first.duration != second.duration ? first.duration > second.duration : left < right
        }

        var placed: [ClosedRange<Int>] = []
        var entries: [(kind: IncidentKind, ticks: ClosedRange<Int>, instance: Int, severity: Double)] = []
        var heavyLoads: [HeavyLoad] = []
        for index in order {
            let (kind, duration) = requests[index]
            var starts = FreeStarts(duration: duration, earliest: configuration.warmUpTicks,
                                    latestEnd: configuration.totalTicks - 1 - configuration.quietTicks,
                                    quiet: configuration.quietTicks, placed: placed)
            if kind == .memoryLeak { starts.keepLowLoad(duration: duration, cycle: configuration.cycleTicks) }
            guard starts.count > 0, let start = starts.start(at: random.nextInt(in: 0...(starts.count - 1))) else {
                throw Self.doesNotFit(configuration)
            }
            let ticks = start...(start + duration - 1)
            placed.append(ticks)
            if let kind {
                let candidates = Self.candidates(for: kind, in: fleet)
                entries.append((kind, ticks, random.pick(candidates), random.nextUnit()))
            } else {
                heavyLoads.append(HeavyLoad(ticks: ticks, peak: random.nextDouble(in: HeavyLoad.peaks)))
            }
        }

        entries.sort { $0.ticks.lowerBound < $1.ticks.lowerBound }
        incidents = entries.enumerated().map { number, entry in
            let profile = fleet[entry.instance]
            var attackRandom = StreamSeed.generator(configuration.seed, .schedule, number)
            return Entry(
                incident: InjectedIncident(
                    id: "incident-\(number + 1)", kind: entry.kind, service: profile.service, instance: profile.instance,
                    startTick: entry.ticks.lowerBound, endTick: entry.ticks.upperBound,
                    series: entry.kind.metrics.map { $0.key(service: profile.service, instance: profile.instance) },
                    attributes: entry.kind == .bruteForce ? Self.attack(&attackRandom) : [:]),
                instanceIndex: entry.instance, severity: entry.severity)
        }
        self.heavyLoads = heavyLoads.sorted { $0.ticks.lowerBound < $1.ticks.lowerBound }
    }

    /// The incident on the instance at `index` during `tick`, if any.
    func incident(onInstance index: Int, at tick: Int) -> Entry? {
        incidents.first { $0.instanceIndex == index && $0.incident.ticks.contains(tick) }
    }

    /// The fleet-wide traffic multiplier of the heavy-load periods at `tick`.
    func heavyLoadFactor(at tick: Int) -> Double {
        heavyLoads.first { $0.ticks.contains(tick) }?.factor(at: tick) ?? 1
    }

    /// `incidentCount` kinds: each configured kind once in a seeded order, then again.
    private static func kinds(_ configuration: SyntheticCloud.Configuration,
                              _ random: inout SeededGenerator) -> [IncidentKind] {
        var kinds = configuration.incidentKinds
        for index in kinds.indices.reversed() where index > 0 {
            kinds.swapAt(index, random.nextInt(in: 0...index))
        }
        return (0..<configuration.incidentCount).map { kinds[$0 % kinds.count] }
    }

    /// Instances an incident of `kind` may hit: brute force goes for the login service when there is one.
    private static func candidates(for kind: IncidentKind, in fleet: [InstanceProfile]) -> [Int] {
        let logins = fleet.filter(\.takesLogins).map(\.index)
        return kind == .bruteForce && !logins.isEmpty ? logins : fleet.map(\.index)
    }

    /// The shape of a brute-force attack: one user from many addresses, or one address trying many users.
    private static func attack(_ random: inout SeededGenerator) -> [String: String] {
        if random.nextUnit() < 0.5 {
            return ["pattern": "single_user", "user": Identities.attemptedUser(&random)]
        }
        return ["pattern": "single_source", "source_ip": Identities.attackerAddress(&random)]
    }

    private static func doesNotFit(_ configuration: SyntheticCloud.Configuration) -> SyntheticCloudError {
        SyntheticCloudError("""
            cannot fit \(configuration.incidentCount) incidents and \(configuration.heavyLoadCount) heavy-load periods, \
            \(configuration.quietTicks) quiet ticks apart, between the warm-up (tick \(configuration.warmUpTicks)) and \
            the end of the run (tick \(configuration.totalTicks)); make the run longer or inject fewer
            """)
    }
}
