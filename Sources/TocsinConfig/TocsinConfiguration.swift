import Foundation
import TocsinPipeline
import TocsinResponse

/// Everything a `tocsin.yaml` file sets. Settings the file leaves out are nil or empty,
/// so that command-line options and built-in defaults can fill them.
public struct TocsinConfiguration: Sendable {
    /// The HTTP server.
    public struct Server: Sendable, Equatable {
        public var host: String?
        public var port: Int?
        /// Bearer tokens for write endpoints (typically `${TOCSIN_API_TOKEN}`).
        public var tokens: [String] = []
        public var insecure: Bool?
        public var maxBodyBytes: Int?
        public var maxSeries: Int?
        public var queueCapacity: Int?
        public var shards: Int?
    }

    /// How long data is kept.
    public struct Retention: Sendable, Equatable {
        /// Points, scores, logs and anomalies older than this are deleted.
        public var keep: TimeInterval
        /// How often the deletion runs.
        public var every: TimeInterval

        /// Creates a retention policy.
        public init(keep: TimeInterval, every: TimeInterval = 3_600) {
            self.keep = keep
            self.every = every
        }
    }

    /// Which detector watches which series.
    public struct Detection: Sendable {
        /// The rule for series no other rule matches.
        public var fallback: DetectorFactory.Rule?
        /// Rules tried in order.
        public var rules: [DetectorFactory.Rule] = []
        /// Quiet time that ends an incident.
        public var incidentGap: TimeInterval?
    }

    /// The synthetic cloud as a source.
    public struct SyntheticSource: Sendable, Equatable {
        public var seed: UInt64 = 1
        public var services: [String]?
        public var instancesPerService: Int?
        public var ticks: Int?
        /// Wall-clock pause between ticks.
        public var interval: TimeInterval = 1
    }

    /// A CSV file of `timestamp,value` rows, pulled on a schedule: each pull ingests the
    /// rows newer than the last one ingested (an export that another job appends to).
    public struct CSVSource: Sendable, Equatable {
        public var path: String
        /// The series the rows become.
        public var series: String
        public var labels: [String: String] = [:]
        /// Time between pulls.
        public var interval: TimeInterval = 300

        /// Creates a source pulled every five minutes.
        public init(path: String, series: String, labels: [String: String] = [:]) {
            self.path = path
            self.series = series
            self.labels = labels
        }
    }

    /// A Prometheus server read through PromQL queries on a schedule.
    public struct PrometheusSource: Sendable, Equatable {
        /// One query and the series name its results take (nil keeps `__name__`).
        public struct Query: Sendable, Equatable {
            public var expression: String
            public var name: String?
        }

        /// The server, e.g. `http://127.0.0.1:9090`.
        public var url: String
        public var queries: [Query]
        /// Seconds between samples asked for.
        public var step: TimeInterval = 60
        /// How far back the first pull reaches.
        public var lookback: TimeInterval = 3_600
        /// Time between pulls.
        public var interval: TimeInterval = 300

        /// A source pulled every five minutes, one sample a minute.
        public init(url: String, queries: [Query]) {
            self.url = url
            self.queries = queries
        }
    }

    /// A source of data.
    public enum Source: Sendable, Equatable {
        case synthetic(SyntheticSource)
        case csv(CSVSource)
        case prometheus(PrometheusSource)
    }

    /// Automatic responses to incidents.
    public struct Remediation: Sendable {
        /// The policies, tried for every new incident.
        public var policies: [RemediationPolicy] = []
        /// At most this many actions in any hour.
        public var maximumPerHour = 10
    }

    public var server = Server()
    /// `sqlite:PATH` or `postgres://…`.
    public var store: String?
    public var retention: Retention?
    public var detection = Detection()
    public var sources: [Source] = []
    /// Remediation; always planned as a dry run for now.
    public var remediation = Remediation()

    /// An empty configuration: every setting from options or defaults.
    public init() {}
}
