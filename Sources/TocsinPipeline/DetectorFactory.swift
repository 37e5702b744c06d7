import TocsinCore
import TocsinDetect

/// Chooses and builds the detector of each series: the first rule whose selector matches
/// the series wins, else the default.
public struct DetectorFactory: Sendable {
    /// A detector choice for series matching a selector.
    public struct Rule: Sendable {
        /// Series name to match (`nil` matches any).
        public var name: String?
        /// Labels that must all be present with these values.
        public var labels: [String: String]
        /// The detector's catalog name.
        public var detector: String
        /// Parameter overrides.
        public var parameters: [String: String]
        /// The name of the companion series, with the same labels, whose latest value is
        /// the context of a ``ContextualDetector`` (e.g. `request_rate` for CPU).
        public var context: String?
        /// Whether anomalies are raised at all; false scores the series without alerting
        /// (for series that are context, like traffic, whose surges are not incidents).
        public var alert: Bool
        /// Scores over the threshold needed in a row before the first anomaly is raised,
        /// like Prometheus' `for:`; later ones in the same run are raised at once.
        public var consecutive: Int
        /// A trained detector (loaded from a model artifact) that every matching series
        /// starts from, as a copy, instead of a new `detector`; its name must be `detector`.
        public var trained: (any Detector)?

        /// Creates a rule.
        public init(name: String? = nil, labels: [String: String] = [:], detector: String, parameters: [String: String] = [:],
                    context: String? = nil, alert: Bool = true, consecutive: Int = 1, trained: (any Detector)? = nil) {
            self.name = name
            self.labels = labels
            self.detector = detector
            self.parameters = parameters
            self.context = context
            self.alert = alert
            self.consecutive = consecutive
            self.trained = trained
        }

        func matches(_ key: SeriesKey) -> Bool {
            key.matches(name: name, labels: labels)
        }
    }

    /// Rules tried in order.
    public let rules: [Rule]
    /// Used when no rule matches.
    public let fallback: Rule

    /// The series names that are some rule's context.
    public let contextNames: Set<String>

    /// Creates a factory; every rule's detector and parameters are checked now.
    public init(rules: [Rule] = [], fallback: Rule) throws(DetectorError) {
        for rule in rules + [fallback] {
            let detector: any Detector
            if let trained = rule.trained {
                guard type(of: trained).name == rule.detector else {
                    throw DetectorError("the rule's detector is \(rule.detector) but its model is a \(type(of: trained).name)")
                }
                detector = trained
            } else {
                detector = try DetectorCatalog.streaming(named: rule.detector).make(parameters: rule.parameters)
            }
            if let context = rule.context, !(detector is any ContextualDetector) {
                throw DetectorError("\(rule.detector) does not take a context series (context: \(context)); use context-regression")
            }
            guard rule.consecutive >= 1 else { throw DetectorError("consecutive must be at least 1, got \(rule.consecutive)") }
        }
        self.rules = rules
        self.fallback = fallback
        contextNames = Set((rules + [fallback]).compactMap(\.context))
    }

    /// The rule for a series.
    public func rule(for key: SeriesKey) -> Rule {
        rules.first { $0.matches(key) } ?? fallback
    }

    /// A new detector for a series, a copy of the rule's trained one if it has one (the
    /// rule was validated at construction).
    func make(for key: SeriesKey) -> (rule: Rule, detector: any Detector)? {
        let rule = rule(for: key)
        if let trained = rule.trained { return (rule, trained) }
        guard let detector = try? DetectorCatalog.streaming(named: rule.detector).make(parameters: rule.parameters) else {
            return nil
        }
        return (rule, detector)
    }
}
