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

        /// Creates a rule.
        public init(name: String? = nil, labels: [String: String] = [:], detector: String, parameters: [String: String] = [:]) {
            self.name = name
            self.labels = labels
            self.detector = detector
            self.parameters = parameters
        }

        func matches(_ key: SeriesKey) -> Bool {
            if let name, name != key.name { return false }
            return labels.allSatisfy { key[$0.key] == $0.value }
        }
    }

    /// Rules tried in order.
    public let rules: [Rule]
    /// Used when no rule matches.
    public let fallback: Rule

    /// Creates a factory; every rule's detector and parameters are checked now.
    public init(rules: [Rule] = [], fallback: Rule) throws(DetectorError) {
        for rule in rules + [fallback] {
            _ = try DetectorCatalog.streaming(named: rule.detector).make(parameters: rule.parameters)
        }
        self.rules = rules
        self.fallback = fallback
    }

    /// The rule for a series.
    public func rule(for key: SeriesKey) -> Rule {
        rules.first { $0.matches(key) } ?? fallback
    }

    /// A new detector for a series (its rule was validated at construction).
    func make(for key: SeriesKey) -> (name: String, detector: any Detector)? {
        let rule = rule(for: key)
        guard let detector = try? DetectorCatalog.streaming(named: rule.detector).make(parameters: rule.parameters) else {
            return nil
        }
        return (rule.detector, detector)
    }
}
