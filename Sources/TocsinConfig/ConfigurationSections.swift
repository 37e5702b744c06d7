import Foundation
import TocsinDetect
import TocsinPipeline
import TocsinResponse

/// The layout of `tocsin.yaml`, section by section.
struct ConfigurationSections {
    let reader: ConfigReader

    func read(_ root: ConfigReader.Value) -> TocsinConfiguration {
        var configuration = TocsinConfiguration()
        guard let entries = reader.mapping(root, allowed: ["server", "store", "retention", "detection", "sources", "remediation"]) else {
            return configuration
        }
        if let value = entries["server"] { configuration.server = server(value) }
        if let value = entries["store"], let text = reader.string(value) {
            if text.hasPrefix("sqlite:") || text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
                configuration.store = text
            } else {
                reader.report(value, "expected sqlite:PATH or postgres://user:password@host:port/database")
            }
        }
        if let value = entries["retention"] { configuration.retention = retention(value) }
        if let value = entries["detection"] { configuration.detection = detection(value) }
        if let value = entries["sources"] { configuration.sources = reader.sequence(value)?.compactMap(source) ?? [] }
        if let value = entries["remediation"] { configuration.remediation = remediation(value) }
        return configuration
    }

    private func server(_ value: ConfigReader.Value) -> TocsinConfiguration.Server {
        var server = TocsinConfiguration.Server()
        guard let entries = reader.mapping(value, allowed: ["host", "port", "tokens", "insecure", "max_body_bytes", "max_series",
                                                            "queue_capacity", "shards"]) else { return server }
        server.host = entries["host"].flatMap(reader.string)
        server.port = entries["port"].flatMap { reader.int($0, in: 0...65_535) }
        server.tokens = entries["tokens"].flatMap(reader.strings)?.filter { !$0.isEmpty } ?? []
        server.insecure = entries["insecure"].flatMap(reader.bool)
        server.maxBodyBytes = entries["max_body_bytes"].flatMap { reader.int($0, in: 1_024...1_073_741_824) }
        server.maxSeries = entries["max_series"].flatMap { reader.int($0, in: 1...100_000_000) }
        server.queueCapacity = entries["queue_capacity"].flatMap { reader.int($0, in: 1_000...1_000_000_000) }
        server.shards = entries["shards"].flatMap { reader.int($0, in: 1...1_024) }
        return server
    }

    private func retention(_ value: ConfigReader.Value) -> TocsinConfiguration.Retention? {
        guard let entries = reader.mapping(value, allowed: ["keep", "every"]) else { return nil }
        guard let keepValue = entries["keep"] else {
            reader.report(value, "retention needs keep, e.g. keep: 30d")
            return nil
        }
        guard let keep = reader.duration(keepValue, minimum: 3_600) else { return nil }
        var retention = TocsinConfiguration.Retention(keep: keep)
        if let every = entries["every"].flatMap({ reader.duration($0, minimum: 1) }) { retention.every = every }
        return retention
    }

    private func detection(_ value: ConfigReader.Value) -> TocsinConfiguration.Detection {
        var detection = TocsinConfiguration.Detection()
        guard let entries = reader.mapping(value, allowed: ["default", "rules", "incident_gap"]) else { return detection }
        detection.fallback = entries["default"].flatMap { rule($0, selector: false) }
        detection.rules = entries["rules"].flatMap(reader.sequence)?.compactMap { rule($0, selector: true) } ?? []
        detection.incidentGap = entries["incident_gap"].flatMap { reader.duration($0, minimum: 1) }
        return detection
    }

    /// A detection rule; `selector` allows (and requires) `match`.
    private func rule(_ value: ConfigReader.Value, selector: Bool) -> DetectorFactory.Rule? {
        let keys = ["detector", "params", "context", "alert", "consecutive"] + (selector ? ["match"] : [])
        guard let entries = reader.mapping(value, allowed: keys) else { return nil }
        var name: String?
        var labels: [String: String] = [:]
        if selector {
            guard let match = entries["match"] else {
                reader.report(value, "a rule needs match: {name: SERIES, labels: {...}}")
                return nil
            }
            (name, labels) = self.selector(match)
        }
        guard let detectorValue = entries["detector"], let detector = reader.string(detectorValue) else {
            if entries["detector"] == nil { reader.report(value, "a rule needs detector: NAME (see `tocsin detectors`)") }
            return nil
        }
        let parameters = entries["params"].flatMap(reader.stringMap) ?? [:]
        let context = entries["context"].flatMap(reader.string)
        let alert = entries["alert"].flatMap(reader.bool) ?? true
        let consecutive = entries["consecutive"].flatMap { reader.int($0, in: 1...1_000) } ?? 1
        let made: any Detector
        do {
            made = try DetectorCatalog.streaming(named: detector).make(parameters: parameters)
        } catch {
            reader.report(entries["params"].map { parameters.isEmpty ? detectorValue : $0 } ?? detectorValue, error.message)
            return nil
        }
        if let context, !(made is any ContextualDetector), let contextValue = entries["context"] {
            reader.report(contextValue, "\(detector) takes no context series (\(context)); context-regression does")
        }
        return DetectorFactory.Rule(name: name, labels: labels, detector: detector, parameters: parameters, context: context,
                                    alert: alert, consecutive: consecutive)
    }

    private func remediation(_ value: ConfigReader.Value) -> TocsinConfiguration.Remediation {
        var remediation = TocsinConfiguration.Remediation()
        guard let entries = reader.mapping(value, allowed: ["execute", "max_actions_per_hour", "policies"]) else { return remediation }
        if let execute = entries["execute"], reader.bool(execute) == true {
            reader.report(execute, "real execution is not available yet (it needs the AWS connector); remediation is planned as a dry run, so leave execute false")
        }
        if let cap = entries["max_actions_per_hour"].flatMap({ reader.int($0, in: 1...10_000) }) { remediation.maximumPerHour = cap }
        var names = Set<String>()
        for value in entries["policies"].flatMap(reader.sequence) ?? [] {
            guard let parsed = policy(value) else { continue }
            guard names.insert(parsed.name).inserted else {
                reader.report(value, "another policy is already called \"\(parsed.name)\"")
                continue
            }
            remediation.policies.append(parsed)
        }
        return remediation
    }

    private func policy(_ value: ConfigReader.Value) -> RemediationPolicy? {
        guard let entries = reader.mapping(value, allowed: ["name", "match", "action", "url", "command", "cooldown"]) else { return nil }
        guard let name = entries["name"].flatMap(reader.string), let actionValue = entries["action"], let kind = reader.string(actionValue)
        else {
            if entries["name"] == nil || entries["action"] == nil { reader.report(value, "a policy needs name and action") }
            return nil
        }
        let (series, labels) = entries["match"].map(selector) ?? (nil, [:])
        let action: RemediationPolicy.Action
        switch kind {
        case "reboot_instance":
            action = .rebootInstance
        case "webhook":
            guard let url = entries["url"].flatMap(reader.string), URL(string: url)?.host != nil else {
                reader.report(entries["url"] ?? value, "a webhook action needs url: http(s)://…")
                return nil
            }
            action = .webhook(url: url)
        case "command":
            guard let arguments = entries["command"].flatMap(reader.strings), !arguments.isEmpty else {
                reader.report(entries["command"] ?? value, "a command action needs command: [program, arguments…]")
                return nil
            }
            action = .command(arguments: arguments)
        default:
            reader.report(actionValue, "unknown action \"\(kind)\"; known: reboot_instance, webhook, command")
            return nil
        }
        let cooldown = entries["cooldown"].flatMap { reader.duration($0, minimum: 0) } ?? 1_800
        return RemediationPolicy(name: name, series: series, labels: labels, action: action, cooldown: cooldown)
    }

    /// A `match: {name: SERIES, labels: {...}}` selector; both parts are optional.
    private func selector(_ value: ConfigReader.Value) -> (name: String?, labels: [String: String]) {
        guard let entries = reader.mapping(value, allowed: ["name", "labels"]) else { return (nil, [:]) }
        return (entries["name"].flatMap(reader.string), entries["labels"].flatMap(reader.stringMap) ?? [:])
    }

    private func source(_ value: ConfigReader.Value) -> TocsinConfiguration.Source? {
        guard let kindValue = value.node.mapping?["type"] else {
            reader.report(value, "a source needs type: synthetic, csv or prometheus")
            return nil
        }
        switch reader.string(ConfigReader.Value(node: kindValue, path: value.child("type"))) {
        case "synthetic": return synthetic(value).map { .synthetic($0) }
        case "csv": return csv(value).map { .csv($0) }
        case "prometheus": return prometheus(value).map { .prometheus($0) }
        case let other?:
            reader.report(ConfigReader.Value(node: kindValue, path: value.child("type")), "unknown source type \"\(other)\"; known: synthetic, csv, prometheus")
            return nil
        case nil:
            return nil
        }
    }

    private func synthetic(_ value: ConfigReader.Value) -> TocsinConfiguration.SyntheticSource? {
        guard let entries = reader.mapping(value, allowed: ["type", "seed", "services", "instances_per_service", "ticks", "interval"])
        else { return nil }
        var source = TocsinConfiguration.SyntheticSource()
        if let seed = entries["seed"].flatMap({ reader.int($0, in: 0...Int.max) }) { source.seed = UInt64(seed) }
        source.services = entries["services"].flatMap(reader.strings)
        source.instancesPerService = entries["instances_per_service"].flatMap { reader.int($0, in: 1...100) }
        source.ticks = entries["ticks"].flatMap { reader.int($0, in: 1_100...1_000_000) }
        if let interval = entries["interval"].flatMap({ reader.duration($0) }) { source.interval = interval }
        return source
    }

    private func prometheus(_ value: ConfigReader.Value) -> TocsinConfiguration.PrometheusSource? {
        guard let entries = reader.mapping(value, allowed: ["type", "url", "queries", "step", "lookback", "interval"]) else { return nil }
        guard let url = entries["url"].flatMap(reader.string), let list = entries["queries"].flatMap(reader.sequence) else {
            if entries["url"] == nil || entries["queries"] == nil { reader.report(value, "a prometheus source needs url and queries") }
            return nil
        }
        if !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            reader.report(entries["url"] ?? value, "url must start with http:// or https://, got \"\(url)\"")
        }
        let queries = list.compactMap { item -> TocsinConfiguration.PrometheusSource.Query? in
            guard let fields = reader.mapping(item, allowed: ["query", "name"]) else { return nil }
            guard let expression = fields["query"].flatMap(reader.string) else {
                if fields["query"] == nil { reader.report(item, "a prometheus query needs query: PROMQL") }
                return nil
            }
            return .init(expression: expression, name: fields["name"].flatMap(reader.string))
        }
        var source = TocsinConfiguration.PrometheusSource(url: url, queries: queries)
        if let step = entries["step"].flatMap({ reader.duration($0, minimum: 1) }) { source.step = step }
        if let lookback = entries["lookback"].flatMap({ reader.duration($0, minimum: 1) }) { source.lookback = lookback }
        if let interval = entries["interval"].flatMap({ reader.duration($0, minimum: 1) }) { source.interval = interval }
        return source
    }

    private func csv(_ value: ConfigReader.Value) -> TocsinConfiguration.CSVSource? {
        guard let entries = reader.mapping(value, allowed: ["type", "path", "series", "labels", "interval"]) else { return nil }
        guard let path = entries["path"].flatMap(reader.string), let series = entries["series"].flatMap(reader.string) else {
            if entries["path"] == nil || entries["series"] == nil { reader.report(value, "a csv source needs path and series") }
            return nil
        }
        var source = TocsinConfiguration.CSVSource(path: path, series: series)
        source.labels = entries["labels"].flatMap(reader.stringMap) ?? [:]
        if let interval = entries["interval"].flatMap({ reader.duration($0, minimum: 1) }) { source.interval = interval }
        return source
    }
}
