import Foundation
import TocsinCore
import TocsinResponse

extension ConfigurationSections {
    /// `rules:` — each rule has a name, a severity and one of `metric`, `log_burst` or `log_ratio`.
    func rules(_ value: ConfigReader.Value) -> TocsinConfiguration.Rules {
        var rules = TocsinConfiguration.Rules()
        var names = Set<String>()
        for item in reader.sequence(value) ?? [] {
            guard let entries = reader.mapping(item, allowed: ["name", "severity", "metric", "log_burst", "log_ratio"]) else { continue }
            guard let name = entries["name"].flatMap(reader.string) else {
                if entries["name"] == nil { reader.report(item, "a rule needs name") }
                continue
            }
            if !names.insert(name).inserted { reader.report(item, "another rule is already called \"\(name)\"") }
            let severity = entries["severity"].flatMap(severity) ?? "warning"
            let kinds = ["metric", "log_burst", "log_ratio"].filter { entries[$0] != nil }
            guard kinds.count == 1, let kind = kinds.first, let body = entries[kind] else {
                reader.report(item, "a rule needs exactly one of metric, log_burst or log_ratio")
                continue
            }
            switch kind {
            case "metric": if let rule = metricRule(body, name: name, severity: severity) { rules.metric.append(rule) }
            case "log_burst": if let rule = burstRule(body, name: name, severity: severity) { rules.logBurst.append(rule) }
            default: if let rule = ratioRule(body, name: name, severity: severity) { rules.logRatio.append(rule) }
            }
        }
        return rules
    }

    /// `info`, `warning` or `critical`.
    func severity(_ value: ConfigReader.Value) -> String? {
        guard let text = reader.string(value) else { return nil }
        guard ["info", "warning", "critical"].contains(text) else {
            reader.report(value, "severity is info, warning or critical, got \"\(text)\"")
            return nil
        }
        return text
    }

    private func metricRule(_ value: ConfigReader.Value, name: String, severity: String) -> MetricRule? {
        guard let entries = reader.mapping(value, allowed: ["match", "above", "below", "for"]) else { return nil }
        let (series, labels) = entries["match"].map(selectorOfSeries) ?? (nil, [:])
        let above = entries["above"].flatMap(number)
        let below = entries["below"].flatMap(number)
        if above == nil, below == nil {
            reader.report(value, "a metric rule needs above or below")
            return nil
        }
        let holdFor = entries["for"].flatMap { reader.duration($0, minimum: 0) } ?? 0
        return MetricRule(name: name, series: series, labels: labels, above: above, below: below, holdFor: holdFor, severity: severity)
    }

    private func burstRule(_ value: ConfigReader.Value, name: String, severity: String) -> LogBurstRule? {
        guard let entries = reader.mapping(value, allowed: ["match", "group_by", "count", "window"]) else { return nil }
        guard let count = entries["count"].flatMap({ reader.int($0, in: 1...1_000_000) }),
              let window = entries["window"].flatMap({ reader.duration($0, minimum: 1) }) else {
            if entries["count"] == nil || entries["window"] == nil { reader.report(value, "a log_burst rule needs count and window") }
            return nil
        }
        return LogBurstRule(name: name, matcher: entries["match"].map(logMatcher) ?? LogMatcher(),
                            groupBy: entries["group_by"].flatMap(reader.strings) ?? [], count: count, window: window, severity: severity)
    }

    private func ratioRule(_ value: ConfigReader.Value, name: String, severity: String) -> LogRatioRule? {
        guard let entries = reader.mapping(value, allowed: ["match", "among", "group_by", "ratio", "min_events", "window"]) else { return nil }
        guard let ratioValue = entries["ratio"], let ratio = number(ratioValue), let window = entries["window"].flatMap({ reader.duration($0, minimum: 1) }) else {
            if entries["ratio"] == nil || entries["window"] == nil { reader.report(value, "a log_ratio rule needs ratio and window") }
            return nil
        }
        if !(0...1).contains(ratio), let ratioValue = entries["ratio"] { reader.report(ratioValue, "ratio is a share from 0 to 1, got \(ratio)") }
        return LogRatioRule(name: name, population: entries["among"].map(logMatcher) ?? LogMatcher(),
                            matcher: entries["match"].map(logMatcher) ?? LogMatcher(),
                            groupBy: entries["group_by"].flatMap(reader.strings) ?? ["service"], ratio: ratio,
                            minimumEvents: entries["min_events"].flatMap { reader.int($0, in: 1...1_000_000) } ?? 20, window: window,
                            severity: severity)
    }

    /// `{name: SERIES, labels: {...}}`.
    private func selectorOfSeries(_ value: ConfigReader.Value) -> (String?, [String: String]) {
        guard let entries = reader.mapping(value, allowed: ["name", "labels"]) else { return (nil, [:]) }
        return (entries["name"].flatMap(reader.string), entries["labels"].flatMap(reader.stringMap) ?? [:])
    }

    /// `{fields: {...}, level: error, contains: TEXT}`: fields include `service` and `instance`.
    private func logMatcher(_ value: ConfigReader.Value) -> LogMatcher {
        guard let entries = reader.mapping(value, allowed: ["fields", "level", "contains"]) else { return LogMatcher() }
        var level: LogRecord.Level?
        if let levelValue = entries["level"], let text = reader.string(levelValue) {
            level = LogRecord.Level(rawValue: text)
            if level == nil { reader.report(levelValue, "level is debug, info, warning, error or critical, got \"\(text)\"") }
        }
        return LogMatcher(fields: entries["fields"].flatMap(reader.stringMap) ?? [:], minimumLevel: level,
                          contains: entries["contains"].flatMap(reader.string))
    }

    /// A finite number.
    func number(_ value: ConfigReader.Value) -> Double? {
        guard let text = reader.string(value) else { return nil }
        guard let number = Double(text), number.isFinite else {
            reader.report(value, "expected a number, got \"\(text)\"")
            return nil
        }
        return number
    }
}
