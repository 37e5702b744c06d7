import Foundation
import TocsinResponse

extension ConfigurationSections {
    /// `alerting:` — route, receivers, timeouts, flapping and root-cause settings.
    func alerting(_ value: ConfigReader.Value) -> TocsinConfiguration.Alerting {
        var alerting = TocsinConfiguration.Alerting()
        guard let entries = reader.mapping(value, allowed: ["route", "receivers", "resolve_timeout", "flapping", "root_cause"]) else {
            return alerting
        }
        alerting.receivers = entries["receivers"].flatMap(reader.sequence)?.compactMap(receiver) ?? []
        if let routeValue = entries["route"], let route = route(routeValue, root: true) { alerting.route = route }
        let known = Set(alerting.receivers.map(\.name) + (alerting.receivers.isEmpty ? ["console"] : []))
        checkReceivers(of: alerting.route, known: known, at: entries["route"] ?? value)
        if let timeout = entries["resolve_timeout"].flatMap({ reader.duration($0, minimum: 60) }) { alerting.resolveTimeout = timeout }
        if let flapValue = entries["flapping"], let flap = reader.mapping(flapValue, allowed: ["window", "hold_down"]) {
            if let window = flap["window"].flatMap({ reader.duration($0, minimum: 0) }) { alerting.flapping.window = window }
            if let hold = flap["hold_down"].flatMap({ reader.duration($0, minimum: 0) }) { alerting.flapping.holdDown = hold }
        }
        if let rootValue = entries["root_cause"], let root = reader.mapping(rootValue, allowed: ["baseline", "window", "cloudwatch_logs"]) {
            if let baseline = root["baseline"].flatMap({ reader.duration($0, minimum: 60) }) { alerting.rootCause.baselineDuration = baseline }
            if let window = root["window"].flatMap({ reader.duration($0, minimum: 10) }) { alerting.rootCause.windowRadius = window }
            if let logsValue = root["cloudwatch_logs"], let logs = reader.mapping(logsValue, allowed: ["groups", "pattern"]) {
                alerting.cloudWatchLogGroups = logs["groups"].flatMap(reader.strings) ?? []
                if logs["pattern"] != nil { alerting.cloudWatchLogPattern = logs["pattern"].flatMap(reader.string) }
            }
        }
        return alerting
    }

    /// A route: `receiver`, `match` / `match_re` (label equality or regular expression),
    /// `group_by` (`[...]` for every label), `group_wait`, `group_interval`, `repeat_interval`,
    /// `continue` and child `routes`.
    private func route(_ value: ConfigReader.Value, root: Bool) -> Route? {
        let keys = ["receiver", "match", "match_re", "group_by", "group_wait", "group_interval", "repeat_interval", "continue", "routes"]
        guard let entries = reader.mapping(value, allowed: keys) else { return nil }
        var route = Route()
        route.receiver = entries["receiver"].flatMap(reader.string)
        if root, route.receiver == nil { reader.report(value, "the root route needs a receiver") }
        if root, entries["match"] != nil || entries["match_re"] != nil { reader.report(value, "the root route matches every alert; put match in a child route") }
        var matchers: [LabelMatcher] = []
        for (name, text) in entries["match"].flatMap(reader.stringMap)?.sorted(by: { $0.key < $1.key }) ?? [] {
            matchers.append(.equal(name, text))
        }
        for (name, pattern) in entries["match_re"].flatMap(reader.stringMap)?.sorted(by: { $0.key < $1.key }) ?? [] {
            do { matchers.append(try LabelMatcher(name, .matchesRegex, pattern)) } catch {
                reader.report(entries["match_re"] ?? value, "\(name): \(error)")
            }
        }
        route.matchers = matchers
        if let groupBy = entries["group_by"].flatMap(reader.strings) {
            route.groupBy = groupBy == ["..."] ? .allLabels : .labels(groupBy)
        }
        route.groupWait = entries["group_wait"].flatMap { reader.duration($0, minimum: 0) }
        route.groupInterval = entries["group_interval"].flatMap { reader.duration($0, minimum: 1) }
        route.repeatInterval = entries["repeat_interval"].flatMap { reader.duration($0, minimum: 1) }
        route.continueMatching = entries["continue"].flatMap(reader.bool) ?? false
        route.routes = entries["routes"].flatMap(reader.sequence)?.compactMap { self.route($0, root: false) } ?? []
        return route
    }

    private func checkReceivers(of route: Route, known: Set<String>, at value: ConfigReader.Value) {
        if let receiver = route.receiver, !known.contains(receiver) {
            reader.report(value, "route receiver \"\(receiver)\" is not among the receivers (\(known.sorted().joined(separator: ", ")))")
        }
        for child in route.routes { checkReceivers(of: child, known: known, at: value) }
    }

    /// A receiver and its sinks.
    private func receiver(_ value: ConfigReader.Value) -> TocsinConfiguration.Receiver? {
        let keys = ["name", "send_resolved", "console", "webhook", "slack", "alertmanager", "sns", "email"]
        guard let entries = reader.mapping(value, allowed: keys) else { return nil }
        guard let name = entries["name"].flatMap(reader.string) else {
            if entries["name"] == nil { reader.report(value, "a receiver needs name") }
            return nil
        }
        var receiver = TocsinConfiguration.Receiver(name: name)
        receiver.sendResolved = entries["send_resolved"].flatMap(reader.bool) ?? true
        receiver.console = entries["console"].flatMap(reader.bool) ?? false
        if let hookValue = entries["webhook"], let hook = reader.mapping(hookValue, allowed: ["url", "token"]) {
            if let url = hook["url"].flatMap(httpURL) {
                receiver.webhook = .init(url: url, token: hook["token"].flatMap(reader.string))
            } else if hook["url"] == nil {
                reader.report(hookValue, "a webhook needs url")
            }
        }
        if let slackValue = entries["slack"], let slack = reader.mapping(slackValue, allowed: ["url"]) {
            receiver.slack = slack["url"].flatMap(httpURL)
            if slack["url"] == nil { reader.report(slackValue, "slack needs url (an incoming webhook)") }
        }
        if let amValue = entries["alertmanager"], let manager = reader.mapping(amValue, allowed: ["url"]) {
            receiver.alertmanager = manager["url"].flatMap(httpURL)
            if manager["url"] == nil { reader.report(amValue, "alertmanager needs url, e.g. http://127.0.0.1:9093") }
        }
        if let snsValue = entries["sns"], let sns = reader.mapping(snsValue, allowed: ["topic_arn"]) {
            receiver.snsTopic = sns["topic_arn"].flatMap(reader.string)
            if let topic = receiver.snsTopic, !topic.hasPrefix("arn:") { reader.report(snsValue, "topic_arn must be an ARN (arn:aws:sns:...), got \"\(topic)\"") }
            if sns["topic_arn"] == nil { reader.report(snsValue, "sns needs topic_arn") }
        }
        if let emailValue = entries["email"] { receiver.email = email(emailValue) }
        if !receiver.console, receiver.webhook == nil, receiver.slack == nil, receiver.alertmanager == nil, receiver.snsTopic == nil, receiver.email == nil {
            reader.report(value, "receiver \(name) has no sink: add console, webhook, slack, alertmanager, sns or email")
        }
        return receiver
    }

    private func email(_ value: ConfigReader.Value) -> TocsinConfiguration.Receiver.Email? {
        let keys = ["host", "port", "security", "username", "password", "from", "to", "ca_files", "server_name"]
        guard let entries = reader.mapping(value, allowed: keys) else { return nil }
        guard let host = entries["host"].flatMap(reader.string), let from = entries["from"].flatMap(reader.string),
              let to = entries["to"].flatMap(reader.strings), !to.isEmpty else {
            reader.report(value, "email needs host, from and to")
            return nil
        }
        var email = TocsinConfiguration.Receiver.Email(host: host, from: from, to: to)
        email.port = entries["port"].flatMap { reader.int($0, in: 1...65_535) }
        if let securityValue = entries["security"], let security = reader.string(securityValue) {
            if ["starttls", "tls", "plain"].contains(security) { email.security = security } else {
                reader.report(securityValue, "security is starttls, tls or plain, got \"\(security)\"")
            }
        }
        email.username = entries["username"].flatMap(reader.string)
        email.password = entries["password"].flatMap(reader.string)
        if (email.username == nil) != (email.password == nil) { reader.report(value, "email needs both username and password, or neither") }
        email.caFiles = entries["ca_files"].flatMap(reader.strings) ?? []
        email.serverName = entries["server_name"].flatMap(reader.string)
        return email
    }

    /// An http(s) URL.
    private func httpURL(_ value: ConfigReader.Value) -> String? {
        guard let text = reader.string(value) else { return nil }
        guard (text.hasPrefix("http://") || text.hasPrefix("https://")), URL(string: text)?.host != nil else {
            reader.report(value, "expected an http:// or https:// URL")
            return nil
        }
        return text
    }

    /// `aws: {region, profile, endpoint}`.
    func aws(_ value: ConfigReader.Value) -> TocsinConfiguration.AWS {
        var aws = TocsinConfiguration.AWS()
        guard let entries = reader.mapping(value, allowed: ["region", "profile", "endpoint"]) else { return aws }
        aws.region = entries["region"].flatMap(reader.string)
        aws.profile = entries["profile"].flatMap(reader.string)
        aws.endpoint = entries["endpoint"].flatMap(httpURL)
        return aws
    }
}
