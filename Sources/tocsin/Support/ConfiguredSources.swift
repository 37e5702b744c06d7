import Foundation
import ServiceLifecycle
import TocsinConfig
import TocsinCore
import TocsinPipeline
import TocsinPrometheus
import TocsinSources

/// Turns the configuration file's sources into running services.
enum ConfiguredSources {
    static func services(_ sources: [TocsinConfiguration.Source], ingestor: Ingestor) throws(CLIFailure) -> [any Service] {
        var services: [any Service] = []
        for source in sources {
            switch source {
            case .synthetic(let settings):
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
                services.append(SyntheticSourceService(cloud: cloud, ingestor: ingestor, start: start, interval: pause...pause))
            case .prometheus(let settings):
                guard let url = URL(string: settings.url) else { throw .usage("prometheus source: \(settings.url) is not a URL") }
                let queries = settings.queries.map { PrometheusSource.Query(expression: $0.expression, name: $0.name) }
                let source = PrometheusSource(client: PrometheusClient(baseURL: url), queries: queries,
                                              step: settings.step, lookback: settings.lookback)
                services.append(PullSourceService(source: source, ingestor: ingestor, interval: .seconds(settings.interval)))
            case .csv(let settings):
                let key = SeriesKey(name: settings.series, labels: settings.labels)
                services.append(PullSourceService(source: CSVFileSource(path: settings.path, key: key), ingestor: ingestor,
                                                  interval: .seconds(settings.interval)))
            }
        }
        return services
    }
}
