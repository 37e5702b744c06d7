import Foundation
import ServiceLifecycle
import TocsinAWS
import TocsinCloudWatch
import TocsinConfig
import TocsinCore
import TocsinPipeline
import TocsinPrometheus
import TocsinSources

/// The configuration file's sources, assembled: the observers some of them add to the
/// pipeline (CloudWatch score publishers) and the services that run them.
struct ConfiguredSources {
    /// Observers to give the detection engine.
    private(set) var observers: [any PipelineObserver] = []
    /// Services that need no ingestor.
    private var standalone: [any Service] = []
    /// Services fed to the ingestor.
    private var feeders: [@Sendable (Ingestor) -> any Service] = []

    /// Assembles `sources`; throws a usage error for a setting that cannot work.
    init(_ sources: [TocsinConfiguration.Source]) throws(CLIFailure) {
        for source in sources {
            switch source {
            case .synthetic(let settings): try addSynthetic(settings)
            case .prometheus(let settings): try addPrometheus(settings)
            case .csv(let settings):
                let key = SeriesKey(name: settings.series, labels: settings.labels)
                let source = CSVFileSource(path: settings.path, key: key)
                feeders.append { PullSourceService(source: source, ingestor: $0, interval: .seconds(settings.interval)) }
            case .cloudWatch(let settings): try addCloudWatch(settings)
            }
        }
    }

    /// The services, feeding `ingestor`.
    func services(ingestor: Ingestor) -> [any Service] {
        standalone + feeders.map { $0(ingestor) }
    }

    private mutating func addSynthetic(_ settings: TocsinConfiguration.SyntheticSource) throws(CLIFailure) {
        var configuration = SyntheticCloud.Configuration()
        configuration.seed = settings.seed
        if let services = settings.services { configuration.services = services }
        if let instances = settings.instancesPerService { configuration.instancesPerService = instances }
        if let ticks = settings.ticks { configuration.totalTicks = ticks }
        let cloud: SyntheticCloud
        do { cloud = try SyntheticCloud(configuration: configuration) } catch { throw .usage("synthetic source: \(error.description)") }
        // Simulated time is laid out so that the last tick falls on the present.
        let start = Date().addingTimeInterval(-Double(configuration.totalTicks) * configuration.tickSeconds)
        let pause = Duration.seconds(settings.interval)
        feeders.append { SyntheticSourceService(cloud: cloud, ingestor: $0, start: start, interval: pause...pause) }
    }

    private mutating func addPrometheus(_ settings: TocsinConfiguration.PrometheusSource) throws(CLIFailure) {
        guard let url = URL(string: settings.url) else { throw .usage("prometheus source: \(settings.url) is not a URL") }
        let queries = settings.queries.map { PrometheusSource.Query(expression: $0.expression, name: $0.name) }
        let source = PrometheusSource(client: PrometheusClient(baseURL: url), queries: queries, step: settings.step, lookback: settings.lookback)
        feeders.append { PullSourceService(source: source, ingestor: $0, interval: .seconds(settings.interval)) }
    }

    private mutating func addCloudWatch(_ settings: TocsinConfiguration.CloudWatchSource) throws(CLIFailure) {
        let configuration = try AWSAccess.configuration(region: settings.region, profile: settings.profile, endpoint: settings.endpoint,
                                                        what: "cloudwatch source")
        let (cloudWatch, ec2) = try AWSAccess.clients(configuration, what: "cloudwatch source")
        let metrics = settings.metrics.isEmpty ? [CloudWatchMetricSpec.cpuUtilization()] : settings.metrics.map {
            CloudWatchMetricSpec(namespace: $0.namespace, name: $0.name,
                                 dimensions: $0.dimensions.sorted { $0.key < $1.key }.map { CloudWatchDimension($0.key, $0.value) },
                                 statistic: $0.statistic, period: $0.period, perInstance: $0.perInstance)
        }
        let instances: InstanceSelection = settings.instanceIDs.isEmpty ? .tags(settings.tags) : .ids(settings.instanceIDs)
        let source: CloudWatchSource
        do {
            source = try CloudWatchSource(settings: .init(instances: instances, metrics: metrics, lookback: settings.lookback, delay: settings.delay),
                                          cloudWatch: cloudWatch, ec2: ec2)
        } catch {
            throw .usage("cloudwatch source: \(error.message)")
        }
        feeders.append { PullSourceService(source: source, ingestor: $0, interval: .seconds(settings.interval)) }
        if let namespace = settings.publishNamespace {
            let publisher = CloudWatchScorePublisher(cloudWatch: cloudWatch, namespace: namespace) { source.produced($0) }
            observers.append(publisher)
            standalone.append(publisher)
        }
    }
}
