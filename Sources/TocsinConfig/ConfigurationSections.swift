import Foundation
import TocsinDetect
import TocsinPipeline
import TocsinResponse

/// The layout of `tocsin.yaml`, section by section.
struct ConfigurationSections {
    let reader: ConfigReader
    /// The folder relative paths are read from; the working directory when nil.
    let folder: String?

    func read(_ root: ConfigReader.Value) -> TocsinConfiguration {
        var configuration = TocsinConfiguration()
        let sections = ["server", "store", "retention", "detection", "sources", "rules", "alerting", "remediation", "aws"]
        guard let entries = reader.mapping(root, allowed: sections) else {
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
        if let value = entries["rules"] { configuration.rules = rules(value) }
        if let value = entries["alerting"] { configuration.alerting = alerting(value) }
        if let value = entries["remediation"] { configuration.remediation = remediation(value) }
        if let value = entries["aws"] { configuration.aws = aws(value) }
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
        let keys = ["detector", "params", "model", "context", "alert", "consecutive"] + (selector ? ["match"] : [])
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
        let trained = entries["model"].flatMap(model)
        if entries["model"] != nil, trained == nil { return nil }
        if let trained, let params = entries["params"] {
            reader.report(params, "a rule with a model takes its parameters from the model (trained as \(type(of: trained).name))")
        }
        let named = entries["detector"].flatMap(reader.string)
        if let trained, let named, named != type(of: trained).name, let detectorValue = entries["detector"] {
            reader.report(detectorValue, "the model is a \(type(of: trained).name), not a \(named)")
        }
        guard let detector = trained.map({ type(of: $0).name }) ?? named else {
            if entries["detector"] == nil { reader.report(value, "a rule needs detector: NAME (see `tocsin detectors`) or model: PATH") }
            return nil
        }
        let parameters = trained == nil ? entries["params"].flatMap(reader.stringMap) ?? [:] : [:]
        let context = entries["context"].flatMap(reader.string)
        let alert = entries["alert"].flatMap(reader.bool) ?? true
        let consecutive = entries["consecutive"].flatMap { reader.int($0, in: 1...1_000) } ?? 1
        let made: any Detector
        if let trained {
            made = trained
        } else {
            do {
                made = try DetectorCatalog.streaming(named: detector).make(parameters: parameters)
            } catch {
                let detectorValue = entries["detector"] ?? value
                reader.report(entries["params"].map { parameters.isEmpty ? detectorValue : $0 } ?? detectorValue, error.message)
                return nil
            }
        }
        if let context, !(made is any ContextualDetector), let contextValue = entries["context"] {
            reader.report(contextValue, "\(detector) takes no context series (\(context)); context-regression does")
        }
        return DetectorFactory.Rule(name: name, labels: labels, detector: detector, parameters: parameters, context: context,
                                    alert: alert, consecutive: consecutive, trained: trained)
    }

    /// The streaming detector saved in the model artifact at the path `value` names
    /// (relative to ``folder``), as written by `tocsin train`.
    private func model(_ value: ConfigReader.Value) -> (any Detector)? {
        guard let path = reader.string(value) else { return nil }
        let url = path.hasPrefix("/") || folder == nil
            ? URL(fileURLWithPath: path) : URL(fileURLWithPath: folder ?? "").appendingPathComponent(path)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            reader.report(value, "cannot read the model \(url.path): \(error.localizedDescription)")
            return nil
        }
        do { return try DetectorCatalog.loadStreaming(data).detector } catch {
            reader.report(value, "\(url.path) is not a streaming model: \(error.message)")
            return nil
        }
    }

    private func remediation(_ value: ConfigReader.Value) -> TocsinConfiguration.Remediation {
        var remediation = TocsinConfiguration.Remediation()
        guard let entries = reader.mapping(value, allowed: ["execute", "allow", "max_actions_per_hour", "policies"]) else { return remediation }
        remediation.execute = entries["execute"].flatMap(reader.bool) ?? false
        remediation.allow = entries["allow"].flatMap(reader.strings) ?? []
        if remediation.execute, remediation.allow.isEmpty, let execute = entries["execute"] {
            reader.report(execute, "execute: true needs allow: [targets] (instance ids or patterns such as i-0abc*); nothing else is ever acted on")
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
        guard let entries = reader.mapping(value, allowed: ["name", "match", "action", "url", "command", "cooldown", "approval", "verify"]) else {
            return nil
        }
        guard let name = entries["name"].flatMap(reader.string), let actionValue = entries["action"], let kind = reader.string(actionValue)
        else {
            if entries["name"] == nil || entries["action"] == nil { reader.report(value, "a policy needs name and action") }
            return nil
        }
        let (alert, series, labels) = entries["match"].map(policySelector) ?? (nil, nil, [:])
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
        let approval = entries["approval"].flatMap(reader.bool) ?? false
        let verify = entries["verify"].flatMap { reader.duration($0, minimum: 1) } ?? 600
        return RemediationPolicy(name: name, alert: alert, series: series, labels: labels, action: action, cooldown: cooldown,
                                 approval: approval, verifyWithin: verify)
    }

    /// A policy's `match: {alert: NAME, name: SERIES, labels: {...}}`; every part is optional.
    private func policySelector(_ value: ConfigReader.Value) -> (alert: String?, name: String?, labels: [String: String]) {
        guard let entries = reader.mapping(value, allowed: ["alert", "name", "labels"]) else { return (nil, nil, [:]) }
        return (entries["alert"].flatMap(reader.string), entries["name"].flatMap(reader.string), entries["labels"].flatMap(reader.stringMap) ?? [:])
    }

    /// A `match: {name: SERIES, labels: {...}}` selector; both parts are optional.
    private func selector(_ value: ConfigReader.Value) -> (name: String?, labels: [String: String]) {
        guard let entries = reader.mapping(value, allowed: ["name", "labels"]) else { return (nil, [:]) }
        return (entries["name"].flatMap(reader.string), entries["labels"].flatMap(reader.stringMap) ?? [:])
    }

    private func source(_ value: ConfigReader.Value) -> TocsinConfiguration.Source? {
        guard let kindValue = value.node.mapping?["type"] else {
            reader.report(value, "a source needs type: synthetic, csv, prometheus or cloudwatch")
            return nil
        }
        switch reader.string(ConfigReader.Value(node: kindValue, path: value.child("type"))) {
        case "synthetic": return synthetic(value).map { .synthetic($0) }
        case "csv": return csv(value).map { .csv($0) }
        case "prometheus": return prometheus(value).map { .prometheus($0) }
        case "cloudwatch": return cloudWatch(value).map { .cloudWatch($0) }
        case let other?:
            reader.report(ConfigReader.Value(node: kindValue, path: value.child("type")),
                          "unknown source type \"\(other)\"; known: synthetic, csv, prometheus, cloudwatch")
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

    private func cloudWatch(_ value: ConfigReader.Value) -> TocsinConfiguration.CloudWatchSource? {
        let keys = ["type", "region", "profile", "endpoint", "instances", "tags", "metrics", "interval", "lookback", "delay", "publish_scores",
                    "publish_namespace"]
        guard let entries = reader.mapping(value, allowed: keys) else { return nil }
        var source = TocsinConfiguration.CloudWatchSource()
        source.region = entries["region"].flatMap(reader.string)
        source.profile = entries["profile"].flatMap(reader.string)
        if let endpointValue = entries["endpoint"], let endpoint = reader.string(endpointValue) {
            if URL(string: endpoint)?.host == nil || !(endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://")) {
                reader.report(endpointValue, "endpoint must be an http:// or https:// URL, got \"\(endpoint)\"")
            }
            source.endpoint = endpoint
        }
        if let idsValue = entries["instances"], let ids = reader.strings(idsValue) {
            if let bad = ids.first(where: { !$0.hasPrefix("i-") }) { reader.report(idsValue, "\"\(bad)\" is not an EC2 instance id (i-…)") }
            source.instanceIDs = ids
        }
        if let tagsValue = entries["tags"], let tags = reader.stringMap(tagsValue) {
            if !source.instanceIDs.isEmpty { reader.report(tagsValue, "choose instances either by id (instances) or by tags, not both") }
            if tags.isEmpty { reader.report(tagsValue, "tags needs at least one KEY: VALUE") }
            source.tags = tags
        }
        source.metrics = entries["metrics"].flatMap(reader.sequence)?.compactMap(cloudWatchMetric) ?? []
        if let interval = entries["interval"].flatMap({ reader.duration($0, minimum: 1) }) { source.interval = interval }
        if let lookbackValue = entries["lookback"], let lookback = reader.duration(lookbackValue, minimum: 60) {
            if lookback > 15 * 86_400 { reader.report(lookbackValue, "lookback is at most 15d (CloudWatch keeps 5-minute data for 63 days, but a longer backfill belongs in `tocsin train`)") }
            source.lookback = lookback
        }
        if let delay = entries["delay"].flatMap({ reader.duration($0, minimum: 0) }) { source.delay = delay }
        let namespace = entries["publish_namespace"].flatMap(reader.string)
        if entries["publish_scores"].flatMap(reader.bool) == true {
            source.publishNamespace = namespace ?? "Tocsin"
        } else if let namespaceValue = entries["publish_namespace"], namespace != nil {
            reader.report(namespaceValue, "publish_namespace needs publish_scores: true")
        }
        return source
    }

    private func cloudWatchMetric(_ value: ConfigReader.Value) -> TocsinConfiguration.CloudWatchSource.Metric? {
        guard let fields = reader.mapping(value, allowed: ["namespace", "name", "dimensions", "statistic", "period", "per_instance"]) else {
            return nil
        }
        guard let namespace = fields["namespace"].flatMap(reader.string), let name = fields["name"].flatMap(reader.string) else {
            if fields["namespace"] == nil || fields["name"] == nil { reader.report(value, "a cloudwatch metric needs namespace and name") }
            return nil
        }
        var metric = TocsinConfiguration.CloudWatchSource.Metric(namespace: namespace, name: name)
        metric.dimensions = fields["dimensions"].flatMap(reader.stringMap) ?? [:]
        if let statistic = fields["statistic"].flatMap(reader.string) { metric.statistic = statistic }
        if let periodValue = fields["period"], let period = reader.duration(periodValue, minimum: 1) {
            let seconds = Int(period)
            if Double(seconds) != period || !([1, 5, 10, 30].contains(seconds) || seconds % 60 == 0) {
                reader.report(periodValue, "period must be 1s, 5s, 10s, 30s or a whole number of minutes")
            }
            metric.period = seconds
        }
        if let perInstance = fields["per_instance"].flatMap(reader.bool) { metric.perInstance = perInstance }
        if metric.perInstance, metric.dimensions["InstanceId"] != nil, let dimensions = fields["dimensions"] {
            reader.report(dimensions, "a per-instance metric gets InstanceId from the watched instances; set per_instance: false to name one")
        }
        return metric
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
