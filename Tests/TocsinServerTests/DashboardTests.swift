import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinStore

/// The dashboard's pages as a browser without JavaScript gets them: every list is a
/// server-rendered table, filters are GET forms, and bad input gets a JSON 4xx.
@Suite("Dashboard pages")
struct DashboardTests {
    /// Two services with one series each (one label holding markup), an incident with an
    /// anomaly, an alert for it and a remediation action.
    private static func seed(_ service: TestService, client: some TestClientProtocol) async throws -> (series: Int64, incident: Int64) {
        var lines: [String] = []
        for index in 0..<60 {
            let time = 1_700_000_000 + index * 60
            lines.append(#"{"series":"cpu","labels":{"service":"api","instance":"i-1"},"timestamp":\#(time),"value":\#(index % 5)}"#)
            lines.append(#"{"series":"mem","labels":{"service":"web","instance":"i-2","team":"<b>ops</b>"},"timestamp":\#(time),"value":\#(index % 3)}"#)
        }
        try await client.execute(uri: "/v1/points", method: .post, headers: [.contentType: "application/x-ndjson"],
                                 body: ByteBuffer(string: lines.joined(separator: "\n"))) { #expect($0.status == .accepted) }
        try await service.drained()
        let series = try #require(try await service.store.allSeries().first { $0.key.name == "cpu" })
        let time = Date(timeIntervalSince1970: 1_700_003_000)
        let stored = try await service.store.appendAnomalies([AnomalyRecord(series: series.id, anomaly: Anomaly(
            series: series.key, timestamp: time, value: 99, score: 0.97, threshold: 0.5, detector: "windowed-gaussian"))])
        let incident = try await service.store.saveIncident(Incident(scope: ["service": "api", "instance": "i-1"], start: time, end: time,
                                                                     anomalyCount: 1, maxScore: 0.97, series: [series.key], status: .open))
        try await service.store.assign(anomalies: stored.map(\.id), to: incident)
        service.response.alerting.opened(try #require(try await service.store.incident(id: incident)))
        _ = try await service.store.createAction(ActionRecord(policy: "reboot", kind: "reboot_instance", target: "i-1", series: series.key,
                                                              incident: incident, status: .awaitingApproval, created: time, updated: time,
                                                              detail: "waits for approval"), event: "planned")
        return (series.id, incident)
    }

    private static func page(_ client: some TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, type: String, html: String) {
        try await client.execute(uri: uri, method: .get) { ($0.status, $0.headers[.contentType] ?? "", String(buffer: $0.body)) }
    }

    @Test("every page renders its lists as HTML tables without JavaScript, escaping what it shows")
    func pages() async throws {
        let service = try await TestService.make()
        try await service.run { client in
            let (series, incident) = try await Self.seed(service, client: client)
            var alertRow = false
            for _ in 0..<100 where !alertRow {
                try await Task.sleep(for: .milliseconds(20))
                alertRow = try await Self.page(client, "/alerts").html.contains("data-ack=")
            }

            let overview = try await Self.page(client, "/")
            #expect(overview.status == .ok && overview.type.hasPrefix("text/html"))
            #expect(overview.html.contains(#"<tr data-service="api">"#) && overview.html.contains(#"<tr data-service="web">"#))
            #expect(overview.html.contains(#"data-incident="\#(incident)""#), "the open incident is listed")
            #expect(overview.html.range(of: #"[1-9][0-9]* anomalies in the last 6 hours"#, options: .regularExpression) != nil)
            #expect(overview.html.contains("<svg class=\"rate\"") && overview.html.contains(#"text-anchor="start">"#))
            #expect(overview.html.contains(#"<li>i-1 <span class="badge "#) && overview.html.contains(#"<li>i-2 <span class="badge ok">ok</span></li>"#),
                    "each instance with its health")
            #expect(overview.html.contains("reboot_instance"), "the latest actions")
            #expect(overview.html.contains(#"<link rel="stylesheet" href="/assets/dashboard.css">"#))
            #expect(!overview.html.contains("Evaluation"), "no report configured, no link to one")

            try await client.execute(uri: "/incidents/999", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/series/999", method: .get) { #expect($0.status == .notFound) }

            let list = try await Self.page(client, "/series")
            #expect(list.html.contains(#"<a href="/series/\#(series)">cpu{instance=&quot;i-1&quot;,service=&quot;api&quot;}</a>"#))
            #expect(list.html.contains("&lt;b&gt;ops&lt;/b&gt;") && !list.html.contains("<b>ops</b>"), "label values are escaped")
            #expect(list.html.contains("page 1 of 1, 2 series"))
            let filtered = try await Self.page(client, "/series?q=web")
            #expect(filtered.html.contains("mem{") && !filtered.html.contains("cpu{"))

            let explorer = try await Self.page(client, "/series/\(series)?from=1700000000&to=1700004000")
            #expect(explorer.html.contains(#"id="chart""#) && explorer.html.contains(#"data-series="\#(series)""#))
            #expect(explorer.html.contains(#"data-from="1700000000""#) && explorer.html.contains(#"data-follow="0""#))
            #expect(explorer.html.contains(#"data-timestamp="1700003000""#), "the anomaly of the range is listed")

            let timeline = try await Self.page(client, "/incidents")
            #expect(timeline.html.contains("<svg class=\"timeline\""))
            #expect(timeline.html.contains(#"<a href="/incidents/\#(incident)" data-incident="\#(incident)">"#))
            #expect(try await Self.page(client, "/incidents?status=resolved").html.contains("No incident."))

            let detail = try await Self.page(client, "/incidents/\(incident)")
            #expect(detail.html.contains("windowed-gaussian") && detail.html.contains("Root-cause hints"))
            #expect(detail.html.contains(#"data-approve="#), "the action awaiting approval can be approved")
            #expect(detail.html.contains("anomalies on") || detail.html.contains("is anomalous"), "the alert's summary as a hint")

            let alerts = try await Self.page(client, "/alerts")
            #expect(alerts.html.contains("data-fingerprint=") && alerts.html.contains("Silence 1 h"))
            #expect(try await Self.page(client, "/alerts?severity=critical").html.contains("No alert matches."))
            let actions = try await Self.page(client, "/actions?status=awaiting_approval")
            #expect(actions.html.contains(#"data-status="awaiting_approval""#) && actions.html.contains("Audit trail (1)"))

            let script = try await client.execute(uri: "/assets/dashboard.js", method: .get) { $0 }
            #expect(script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(String(buffer: script.body).contains("new EventSource(\"/v1/events\")"))
            #expect(try await client.execute(uri: "/assets/dashboard.css", method: .get).headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    @Test("bad page parameters get a JSON 4xx naming the parameter", arguments: [
        ("/series?page=0", "page"), ("/series/abc", "id"), ("/series/1?from=yesterday", "from"), ("/incidents?status=bogus", "status"),
        ("/alerts?severity=loud", "severity"), ("/actions?status=done", "status"), ("/incidents?limit=0", "limit"),
        ("/series/1?max=1", "max"),
    ])
    func badParameters(uri: String, field: String) async throws {
        let service = try await TestService.make()
        try await service.run { client in
            let series = try await client.execute(uri: "/v1/points", method: .post,
                                                  body: jsonBody(#"{"points":[{"series":"cpu","timestamp":1700000000,"value":1}]}"#)) { $0.status }
            #expect(series == .accepted)
            let (status, named, type) = try await client.execute(uri: uri, method: .get) { response in
                (response.status, try apiError(response)["field"] as? String, response.headers[.contentType])
            }
            #expect(status == .badRequest)
            #expect(named == field)
            #expect(type == "application/json")
        }
    }
}
