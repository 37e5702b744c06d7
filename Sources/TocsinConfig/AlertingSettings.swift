import Foundation
import TocsinResponse

extension TocsinConfiguration {
    /// Where AWS is reached by default (SNS, remediation's reboots, CloudWatch Logs); a
    /// cloudwatch source may set its own.
    public struct AWS: Sendable, Equatable {
        public var region: String?
        public var profile: String?
        /// A base URL every AWS request goes to (an emulator, a VPC endpoint).
        public var endpoint: String?

        /// No settings: the environment's region and credentials, AWS's own endpoints.
        public init() {}
    }

    /// The rules that run beside the detectors.
    public struct Rules: Sendable {
        public var metric: [MetricRule] = []
        public var logBurst: [LogBurstRule] = []
        public var logRatio: [LogRatioRule] = []

        /// No rules.
        public init() {}
    }

    /// One receiver and the sinks its notifications go to.
    public struct Receiver: Sendable, Equatable {
        /// A webhook with generic JSON.
        public struct Webhook: Sendable, Equatable {
            public var url: String
            public var token: String?
        }

        /// An SMTP server and the addresses of the mails.
        public struct Email: Sendable, Equatable {
            public var host: String
            public var port: Int?
            /// `starttls` (default), `tls` (implicit, port 465) or `plain`.
            public var security = "starttls"
            public var username: String?
            public var password: String?
            public var from: String
            public var to: [String]
            /// Extra trusted certificates (PEM), for a server with a private certificate.
            public var caFiles: [String] = []
            /// The name the server's certificate must carry, when `host` is an address.
            public var serverName: String?
        }

        public var name: String
        public var sendResolved = true
        public var console = false
        public var webhook: Webhook?
        /// A Slack incoming-webhook URL.
        public var slack: String?
        /// An Alertmanager base URL.
        public var alertmanager: String?
        /// An SNS topic ARN.
        public var snsTopic: String?
        public var email: Email?

        /// A receiver without sinks.
        public init(name: String) {
            self.name = name
        }
    }

    /// Alert routing, receivers and root-cause analysis.
    public struct Alerting: Sendable {
        /// The route tree.
        public var route = Route(receiver: "console", groupBy: .labels(["service"]))
        /// The receivers; `console` (printing) when none is configured.
        public var receivers: [Receiver] = []
        /// How long a firing alert lasts without news (a backstop: incidents and rules resolve theirs).
        public var resolveTimeout: TimeInterval = 21_600
        public var flapping = FlapPolicy()
        /// Root-cause windows.
        public var rootCause = RootCauseConfiguration()
        /// CloudWatch Logs groups read for root-cause hints, besides the ingested logs.
        public var cloudWatchLogGroups: [String] = []
        /// Their filter pattern.
        public var cloudWatchLogPattern: String? = "?ERROR ?Exception"

        /// The default: everything grouped by service to the console.
        public init() {}
    }
}
