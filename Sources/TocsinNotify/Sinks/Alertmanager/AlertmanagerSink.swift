import Foundation
import TocsinResponse

/// Sends alerts to a Prometheus Alertmanager through its API v2 (`POST /api/v2/alerts`), so
/// that its own routing, silences and receivers take over. Firing alerts are sent with an
/// end `ttl` ahead (Alertmanager resolves alerts that are not refreshed); resolved ones with
/// their end time.
public struct AlertmanagerSink: AlertSink {
    public let name: String
    private let url: URL
    private let ttl: TimeInterval
    private let generatorURL: String?
    private let poster = HTTPPoster()

    /// A sink posting to the Alertmanager at `baseURL` (e.g. `http://127.0.0.1:9093`).
    public init(name: String, baseURL: URL, ttl: TimeInterval = 86_400, generatorURL: String? = nil) {
        self.name = name
        url = baseURL.appendingPathComponent("api/v2/alerts")
        self.ttl = ttl
        self.generatorURL = generatorURL
    }

    struct PostableAlert: Encodable {
        let labels: [String: String]
        let annotations: [String: String]
        let startsAt: Date
        let endsAt: Date
        let generatorURL: String?
    }

    public func render(_ notification: AlertNotification) throws(SinkFailure) -> Data {
        let firing = notification.firing.map { alert in
            PostableAlert(labels: alert.labels, annotations: alert.annotations, startsAt: alert.startsAt,
                          endsAt: notification.sentAt.addingTimeInterval(ttl), generatorURL: generatorURL)
        }
        let resolved = notification.resolved.map { alert in
            PostableAlert(labels: alert.labels, annotations: alert.annotations, startsAt: alert.startsAt,
                          endsAt: alert.endsAt ?? notification.sentAt, generatorURL: generatorURL)
        }
        return try SinkJSON.encode(firing + resolved)
    }

    public func deliver(_ message: Data) async throws(SinkFailure) {
        try await poster.post(message, to: url, what: "Alertmanager \(name)")
    }
}
