import TocsinCore

/// One instance of the fleet: its names, its series and its normal behaviour, which
/// varies by a few percent around its service's template.
struct InstanceProfile: Sendable {
    /// The service name.
    let service: String
    /// The instance name, `<service>-<n>` with n from 1.
    let instance: String
    /// Position in the fleet, which keys the instance's random streams.
    let index: Int
    /// Position of its service, which keys the traffic the service's instances share.
    let serviceIndex: Int
    /// One key per metric, in `SyntheticMetric.allCases` order.
    let keys: [SeriesKey]
    /// Whether the instance takes the logins (its service is called `auth`).
    let takesLogins: Bool
    /// Requests per second at average load.
    let requestRate: Double
    /// CPU percent with no traffic.
    let idleCPU: Double
    /// CPU percent the average traffic adds.
    let busyCPU: Double
    /// Memory percent at average load.
    let memory: Double
    /// p95 latency in milliseconds at average load.
    let latency: Double
    /// Fraction of requests failing at average load.
    let errorRate: Double
    /// Sampled `auth_success` logs per tick at average load.
    let authSuccesses: Double
    /// Failed logins per tick at average load.
    let authFailures: Double
    /// Request paths for request logs.
    let paths: [String]
    /// Messages for error logs.
    let errors: [String]

    /// The instances of `configuration`, service by service.
    static func fleet(_ configuration: SyntheticCloud.Configuration) -> [InstanceProfile] {
        configuration.services.enumerated().flatMap { serviceIndex, service in
            (1...configuration.instancesPerService).map { number in
                InstanceProfile(service: service, number: number, serviceIndex: serviceIndex,
                                index: serviceIndex * configuration.instancesPerService + number - 1,
                                seed: configuration.seed)
            }
        }
    }

    private init(service: String, number: Int, serviceIndex: Int, index: Int, seed: UInt64) {
        let template = ServiceTemplate.named(service)
        var random = StreamSeed.generator(seed, .profile, index)
        func vary(_ value: Double, by spread: Double) -> Double {
            value * random.nextDouble(in: (1 - spread)...(1 + spread))
        }
        self.service = service
        instance = "\(service)-\(number)"
        self.index = index
        self.serviceIndex = serviceIndex
        keys = SyntheticMetric.allCases.map { $0.key(service: service, instance: "\(service)-\(number)") }
        takesLogins = service == "auth"
        requestRate = vary(template.requestRate, by: 0.05)
        idleCPU = vary(template.idleCPU, by: 0.1)
        busyCPU = vary(template.busyCPU, by: 0.08)
        memory = vary(template.memory, by: 0.08)
        latency = vary(template.latency, by: 0.06)
        errorRate = vary(template.errorRate, by: 0.1)
        authSuccesses = template.authSuccesses
        authFailures = template.authFailures
        paths = template.paths
        errors = template.errors
    }
}
