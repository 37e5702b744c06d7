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

    /// AWS CloudWatch metrics of EC2 instances (chosen by id or tag) and of other resources,
    /// read on a schedule.
    public struct CloudWatchSource: Sendable, Equatable {
        /// A metric to read: a statistic of one CloudWatch metric over fixed periods.
        public struct Metric: Sendable, Equatable {
            public var namespace: String
            public var name: String
            public var dimensions: [String: String] = [:]
            public var statistic = "Average"
            /// Seconds per data point.
            public var period = 300
            /// Whether it is read for each watched instance (with its `InstanceId`).
            public var perInstance: Bool

            /// A metric, per instance when its namespace is `AWS/EC2`.
            public init(namespace: String, name: String) {
                self.namespace = namespace
                self.name = name
                perInstance = namespace == "AWS/EC2"
            }
        }

        /// The region; else `AWS_REGION`, `AWS_DEFAULT_REGION` or the profile's.
        public var region: String?
        /// The shared-config profile for credentials and region; else `AWS_PROFILE` or `default`.
        public var profile: String?
        /// A base URL every AWS request goes to instead of AWS (an emulator, a VPC endpoint).
        public var endpoint: String?
        /// Instances watched by id; when empty, those carrying `tags`.
        public var instanceIDs: [String] = []
        /// The tags that select instances when no id is listed.
        public var tags: [String: String] = ["tocsin:monitor": "true"]
        /// The metrics; EC2's CPUUtilization per instance when empty.
        public var metrics: [Metric] = []
        /// Time between pulls.
        public var interval: TimeInterval = 300
        /// How far back a series' first pull reaches.
        public var lookback: TimeInterval = 3 * 3_600
        /// How long after a period ends before it is read.
        public var delay: TimeInterval = 60
        /// The namespace the series' anomaly scores are put to (`Tocsin`); nil publishes none.
        public var publishNamespace: String?

        /// The CPU utilization of the instances tagged `tocsin:monitor=true`, every five minutes.
        public init() {}
    }

    /// A source of data.
    public enum Source: Sendable, Equatable {
        case synthetic(SyntheticSource)
        case csv(CSVSource)
        case prometheus(PrometheusSource)
        case cloudWatch(CloudWatchSource)
    }

    /// Automatic responses to alerts.
    public struct Remediation: Sendable {
        /// The policies, tried for every new alert.
        public var policies: [RemediationPolicy] = []
        /// At most this many actions in any hour.
        public var maximumPerHour = 10
        /// Whether actions run for real (else they are simulated).
        public var execute = false
        /// The targets actions may run on for real (`i-0abc*` patterns).
        public var allow: [String] = []
    }

    public var server = Server()
    /// `sqlite:PATH` or `postgres://…`.
    public var store: String?
    public var retention: Retention?
    public var detection = Detection()
    public var sources: [Source] = []
    /// Rules on metrics and logs.
    public var rules = Rules()
    /// Alert routing and receivers.
    public var alerting = Alerting()
    /// Remediation; simulated unless `execute` is set.
    public var remediation = Remediation()
    /// AWS defaults.
    public var aws = AWS()

    /// An empty configuration: every setting from options or defaults.
    public init() {}
}
