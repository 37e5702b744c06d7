import Foundation
import TocsinResponse

/// Posts each notification to a Slack incoming webhook: the title in bold, then one line per
/// alert. The webhook URL is a secret and is never logged (errors name its host only).
public struct SlackSink: AlertSink {
    public let name: String
    private let url: URL
    private let poster = HTTPPoster()

    /// A sink posting to the incoming-webhook `url`.
    public init(name: String, url: URL) {
        self.name = name
        self.url = url
    }

    public func render(_ notification: AlertNotification) throws(SinkFailure) -> Data {
        let text = NotificationText(notification)
        let body = ["text": "*\(Self.escape(text.title))*\n" + text.lines.map(Self.escape).joined(separator: "\n")]
        return try SinkJSON.encode(body)
    }

    public func deliver(_ message: Data) async throws(SinkFailure) {
        try await poster.post(message, to: url, what: "Slack webhook \(name)")
    }

    /// Slack's three control characters, escaped.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
