import Foundation
import TocsinResponse

/// Test times: seconds after a fixed origin.
enum Clock {
    static let origin = Date(timeIntervalSince1970: 1_750_000_000)

    static func at(_ seconds: TimeInterval) -> Date {
        origin.addingTimeInterval(seconds)
    }
}

extension Alert {
    /// An alert on one series of a service, starting at `start` seconds.
    static func make(_ name: String = "LatencyAnomaly", service: String = "checkout", series: String = "latency",
                     instance: String? = nil, severity: AlertSeverity = .warning, start: TimeInterval = 0,
                     endsAt: TimeInterval? = nil, status: Status = .firing, score: Double = 0.9) -> Alert {
        var labels = ["alertname": name, "service": service, "series": series]
        labels["instance"] = instance
        return Alert(labels: labels, annotations: ["score": String(score), "summary": "\(series) is anomalous"],
                     severity: severity, status: status, startsAt: Clock.at(start), endsAt: endsAt.map(Clock.at))
    }
}

extension AlertDispatcher {
    /// A dispatcher with receivers `chat` (the root's), `pager` and `quiet` (no resolved notifications).
    static func make(route: Route = Route(receiver: "chat", groupBy: .labels(["service"])),
                     inhibitRules: [InhibitRule] = [.criticalInhibitsWarningOnSameInstance],
                     flapping: FlapPolicy = FlapPolicy()) throws -> AlertDispatcher {
        let receivers = [Receiver(name: "chat"), Receiver(name: "pager"), Receiver(name: "quiet", sendResolved: false)]
        return try AlertDispatcher(configuration: AlertingConfiguration(
            route: route, receivers: receivers, inhibitRules: inhibitRules, flapping: flapping))
    }

    /// Steps from `start` to `end` (inclusive) every `step` seconds: receives the alerts `script` gives
    /// for that time, then advances to it. Returns every notification, in order.
    mutating func run(from start: TimeInterval = 0, to end: TimeInterval, step: TimeInterval = 60,
                      script: (TimeInterval) -> [Alert]) -> [AlertNotification] {
        var sent: [AlertNotification] = []
        for time in stride(from: start, through: end, by: step) {
            for alert in script(time) {
                receive(alert, at: Clock.at(time))
            }
            sent += advance(to: Clock.at(time))
        }
        return sent
    }
}

extension AlertNotification {
    /// The `alertname` and `series` labels of the firing alerts, sorted.
    var firingNames: [String] {
        firing.map { "\($0.labels["alertname"]!)/\($0.labels["series"]!)" }.sorted()
    }
}
