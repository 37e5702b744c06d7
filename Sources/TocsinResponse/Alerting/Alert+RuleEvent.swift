import Foundation

extension Alert {
    /// The alert of a rule's event: its labels (the rule as `alertname`, the subject), its
    /// summary and value; resolved when the rule stopped holding.
    public init(ruleEvent event: RuleEvent, startsAt: Date? = nil) {
        let severity = AlertSeverity(rawValue: event.severity) ?? .warning
        let resolved = event.status == .resolved
        self.init(labels: event.labels, annotations: ["summary": event.summary, "value": String(event.value), "rule": event.rule],
                  severity: severity, status: resolved ? .resolved : .firing, startsAt: startsAt ?? event.at,
                  endsAt: resolved ? event.at : nil)
    }
}
