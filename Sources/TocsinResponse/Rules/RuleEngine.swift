import Foundation
import TocsinCore

/// Runs metric and log rules over the same stream the detectors see, and says when each
/// starts and stops holding for a subject. Pure value logic: points and records go in,
/// ``RuleEvent``s come out; ``advance(to:)`` expires sliding windows as time passes.
public struct RuleEngine: Sendable {
    /// The metric rules.
    public let metricRules: [MetricRule]
    /// The log-burst rules (brute force).
    public let burstRules: [LogBurstRule]
    /// The log-ratio rules (error rate).
    public let ratioRules: [LogRatioRule]
    /// The most subjects tracked by the burst rules (and by the ratio rules); the quiet ones seen least recently are forgotten beyond.
    public let subjectLimit: Int

    private struct MetricState: Sendable {
        var since: Date?
        var firing = false
    }

    private struct SubjectKey: Hashable, Sendable {
        let rule: Int
        let subject: [String]
    }

    private struct SeriesRuleKey: Hashable, Sendable {
        let rule: Int
        let series: SeriesKey
    }

    private var metrics: [SeriesRuleKey: MetricState] = [:]
    private var bursts: [SubjectKey: SlidingCounter] = [:]
    private var ratios: [SubjectKey: SlidingCounter] = [:]

    /// An engine running these rules.
    public init(metricRules: [MetricRule] = [], burstRules: [LogBurstRule] = [], ratioRules: [LogRatioRule] = [],
                subjectLimit: Int = 100_000) {
        self.metricRules = metricRules
        self.burstRules = burstRules
        self.ratioRules = ratioRules
        self.subjectLimit = subjectLimit
    }

    /// The subjects the log rules track now.
    public var trackedSubjects: Int { bursts.count + ratios.count }

    /// Whether there is no rule at all.
    public var isEmpty: Bool { metricRules.isEmpty && burstRules.isEmpty && ratioRules.isEmpty }

    /// The events a new point of series `key` causes.
    public mutating func observe(_ key: SeriesKey, _ point: Point) -> [RuleEvent] {
        var events: [RuleEvent] = []
        for (index, rule) in metricRules.enumerated() where key.matches(name: rule.series, labels: rule.labels) {
            let stateKey = SeriesRuleKey(rule: index, series: key)
            var state = metrics[stateKey] ?? MetricState()
            var labels = Dictionary(uniqueKeysWithValues: key.labels.map { ($0.name, $0.value) })
            labels["series"] = key.name
            labels["alertname"] = rule.name
            if rule.crosses(point.value) {
                let since = state.since ?? point.timestamp
                state.since = since
                if !state.firing, point.timestamp.timeIntervalSince(since) >= rule.holdFor {
                    state.firing = true
                    events.append(RuleEvent(rule: rule.name, severity: rule.severity, status: .firing, labels: labels, at: point.timestamp,
                                            value: point.value,
                                            summary: "\(key) is \(point.value.formatted()), \(rule.bound) since \(UTCTimestamp.iso8601(since.timeIntervalSince1970))"))
                }
            } else {
                if state.firing {
                    events.append(RuleEvent(rule: rule.name, severity: rule.severity, status: .resolved, labels: labels, at: point.timestamp,
                                            value: point.value, summary: "\(key) is back to \(point.value.formatted())"))
                }
                state = MetricState()
            }
            metrics[stateKey] = state
        }
        return events
    }

    /// The events a new log record causes.
    public mutating func observe(_ record: LogRecord) -> [RuleEvent] {
        var events: [RuleEvent] = []
        for (index, rule) in burstRules.enumerated() where rule.matcher.matches(record) {
            guard let subject = Self.subject(rule.groupBy, of: record) else { continue }
            let key = SubjectKey(rule: index, subject: subject)
            var counter = bursts[key] ?? SlidingCounter()
            counter.add(record.timestamp)
            counter.expire(before: record.timestamp.addingTimeInterval(-rule.window))
            counter.labels = Self.labels(rule.name, rule.groupBy, subject, record)
            if !counter.firing, counter.count >= rule.count {
                counter.firing = true
                events.append(RuleEvent(rule: rule.name, severity: rule.severity, status: .firing, labels: counter.labels, at: record.timestamp,
                                        value: Double(counter.count),
                                        summary: "\(counter.count) matching records from \(Self.describe(rule.groupBy, subject)) within \(Self.duration(rule.window)) (limit \(rule.count))"))
            }
            bursts[key] = counter
        }
        for (index, rule) in ratioRules.enumerated() where rule.population.matches(record) {
            guard let subject = Self.subject(rule.groupBy, of: record) else { continue }
            let key = SubjectKey(rule: index, subject: subject)
            var counter = ratios[key] ?? SlidingCounter()
            counter.add(record.timestamp, hit: rule.matcher.matches(record))
            counter.expire(before: record.timestamp.addingTimeInterval(-rule.window))
            counter.labels = Self.labels(rule.name, rule.groupBy, subject, record)
            let share = counter.count > 0 ? Double(counter.hitCount) / Double(counter.count) : 0
            if !counter.firing, counter.count >= rule.minimumEvents, share >= rule.ratio {
                counter.firing = true
                events.append(RuleEvent(rule: rule.name, severity: rule.severity, status: .firing, labels: counter.labels, at: record.timestamp,
                                        value: share,
                                        summary: "\(counter.hitCount) of \(counter.count) records from \(Self.describe(rule.groupBy, subject)) match within \(Self.duration(rule.window)) (\((share * 100).formatted(.number.precision(.fractionLength(1))))%, limit \((rule.ratio * 100).formatted())%)"))
            } else if counter.firing, share < rule.ratio {
                counter.firing = false
                events.append(RuleEvent(rule: rule.name, severity: rule.severity, status: .resolved, labels: counter.labels, at: record.timestamp,
                                        value: share, summary: "the share fell to \((share * 100).formatted(.number.precision(.fractionLength(1))))%"))
            }
            ratios[key] = counter
        }
        forgetIfOverLimit()
        return events
    }

    /// Expires the sliding windows up to `now`: subjects whose burst or share fell under the
    /// limit resolve, idle subjects are forgotten.
    public mutating func advance(to now: Date) -> [RuleEvent] {
        var events: [RuleEvent] = []
        for (key, var counter) in bursts {
            let rule = burstRules[key.rule]
            counter.expire(before: now.addingTimeInterval(-rule.window))
            if counter.firing, counter.count < rule.count {
                counter.firing = false
                events.append(RuleEvent(rule: rule.name, severity: rule.severity, status: .resolved, labels: counter.labels, at: now,
                                        value: Double(counter.count), summary: "\(counter.count) matching records within \(Self.duration(rule.window))"))
            }
            bursts[key] = counter.count == 0 && !counter.firing ? nil : counter
        }
        for (key, var counter) in ratios {
            let rule = ratioRules[key.rule]
            counter.expire(before: now.addingTimeInterval(-rule.window))
            if counter.firing, counter.count == 0 || Double(counter.hitCount) / Double(counter.count) < rule.ratio {
                counter.firing = false
                events.append(RuleEvent(rule: rule.name, severity: rule.severity, status: .resolved, labels: counter.labels, at: now,
                                        value: counter.count == 0 ? 0 : Double(counter.hitCount) / Double(counter.count),
                                        summary: "no longer over \((rule.ratio * 100).formatted())% within \(Self.duration(rule.window))"))
            }
            ratios[key] = counter.count == 0 && !counter.firing ? nil : counter
        }
        return events.sorted { ($0.rule, $0.labels.description) < ($1.rule, $1.labels.description) }
    }

    /// The values of `fields` in `record`, or nil when one is missing.
    private static func subject(_ fields: [String], of record: LogRecord) -> [String]? {
        var values: [String] = []
        for field in fields {
            guard let value = LogMatcher.value(of: field, in: record) else { return nil }
            values.append(value)
        }
        return values
    }

    private static func labels(_ rule: String, _ fields: [String], _ subject: [String], _ record: LogRecord) -> [String: String] {
        var labels = ["alertname": rule, "service": record.service, "instance": record.instance]
        for (field, value) in zip(fields, subject) { labels[field] = value }
        return labels
    }

    private static func describe(_ fields: [String], _ subject: [String]) -> String {
        fields.isEmpty ? "all sources" : zip(fields, subject).map { "\($0)=\($1)" }.joined(separator: ", ")
    }

    private static func duration(_ seconds: TimeInterval) -> String {
        seconds.truncatingRemainder(dividingBy: 60) == 0 ? "\(Int(seconds / 60))m" : "\(seconds.formatted())s"
    }

    /// When a table tracks more subjects than the limit, forgets the quiet (not firing) ones
    /// seen least recently, down to nine tenths of the limit, so the work is amortized.
    private mutating func forgetIfOverLimit() {
        for table in [\RuleEngine.bursts, \RuleEngine.ratios] where self[keyPath: table].count > subjectLimit {
            let quiet = self[keyPath: table].filter { !$0.value.firing }.sorted { $0.value.lastSeen < $1.value.lastSeen }
            let excess = self[keyPath: table].count - subjectLimit * 9 / 10
            for entry in quiet.prefix(excess) { self[keyPath: table][entry.key] = nil }
        }
    }
}
