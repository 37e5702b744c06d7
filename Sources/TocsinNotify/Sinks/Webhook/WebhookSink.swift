import Foundation
import TocsinResponse

/// POSTs each notification as JSON to a URL, in the layout of Alertmanager's webhook
/// (`receiver`, `status`, `groupLabels`, `alerts` with labels, annotations and times), with
/// an optional bearer token.
public struct WebhookSink: AlertSink {
    public let name: String
    private let url: URL
    private let poster: HTTPPoster

    /// A sink posting to `url`, sending `Authorization: Bearer token` when a token is given.
    public init(name: String, url: URL, token: String? = nil) {
        self.name = name
        self.url = url
        poster = HTTPPoster(headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:])
    }

    public func render(_ notification: AlertNotification) throws(SinkFailure) -> Data {
        try SinkJSON.encode(WebhookBody(notification))
    }

    public func deliver(_ message: Data) async throws(SinkFailure) {
        try await poster.post(message, to: url, what: "webhook \(name)")
    }
}

/// The webhook's JSON.
struct WebhookBody: Encodable {
    struct Item: Encodable {
        let status: String
        let labels: [String: String]
        let annotations: [String: String]
        let startsAt: Date
        let endsAt: Date?
        let fingerprint: String
    }

    let version = "4"
    let receiver: String
    let status: String
    let reason: String
    let groupKey: String
    let groupLabels: [String: String]
    let alerts: [Item]
    let sentAt: Date

    init(_ notification: AlertNotification) {
        receiver = notification.receiver
        status = notification.firing.isEmpty ? "resolved" : "firing"
        reason = notification.reason.rawValue
        groupKey = notification.groupKey
        groupLabels = notification.groupLabels
        alerts = (notification.firing + notification.resolved).map { alert in
            Item(status: alert.status.rawValue, labels: alert.labels, annotations: alert.annotations, startsAt: alert.startsAt,
                 endsAt: alert.endsAt, fingerprint: alert.fingerprint.description)
        }
        sentAt = notification.sentAt
    }
}
