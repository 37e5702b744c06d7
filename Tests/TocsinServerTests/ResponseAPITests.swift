import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinResponse
import TocsinStore

@Suite("Response API")
struct ResponseAPITests {
    @Test("alerts are listed and acknowledged; silences are created, listed and expired; bad input gets JSON 4xx")
    func alertsAndSilences() async throws {
        let service = try await TestService.make()
        let response = service.response
        try await service.run { client in
            response.alerting.opened(Incident(id: 7, scope: ["service": "api", "instance": "i-1"], start: Date(), end: Date(), anomalyCount: 2,
                                              maxScore: 0.9, series: [SeriesKey(name: "cpu", labels: ["service": "api", "instance": "i-1"])],
                                              status: .open))
            var alerts: [[String: Any]] = []
            for _ in 0..<100 where alerts.isEmpty {
                try await Task.sleep(for: .milliseconds(20))
                alerts = try await client.execute(uri: "/v1/alerts", method: .get) { try jsonObject($0)["alerts"] as? [[String: Any]] ?? [] }
            }
            let alert = try #require(alerts.first)
            #expect(alert["status"] as? String == "firing" && alert["acknowledged"] as? Bool == false)
            #expect((alert["annotations"] as? [String: String])?["incident"] == "7")
            let fingerprint = try #require(alert["fingerprint"] as? String)
            try await client.execute(uri: "/v1/alerts/\(fingerprint)/ack", method: .post) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/alerts/\(fingerprint)/ack", method: .post) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/alerts/00000000000000ff/ack", method: .post) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/v1/alerts/not-hex/ack", method: .post) { response in
                let field = try apiError(response)["field"] as? String
                #expect(response.status == .badRequest)
                #expect(field == "id")
            }
            let acknowledged = try await client.execute(uri: "/v1/alerts", method: .get) { try jsonObject($0)["alerts"] as? [[String: Any]] ?? [] }
            #expect(acknowledged.first?["acknowledged"] as? Bool == true)

            let silence = #"{"matchers":[{"name":"service","value":"api"},{"name":"instance","value":"i-.*","isRegex":true}],"duration":3600,"createdBy":"ops","comment":"maintenance"}"#
            let id = try await client.execute(uri: "/v1/silences", method: .post, body: jsonBody(silence)) { response in
                #expect(response.status == .created)
                let body = try jsonObject(response)
                #expect(body["state"] as? String == "active")
                #expect(body["matchers"] as? [String] == ["service=\"api\"", "instance=~\"i-.*\""])
                return body["id"] as? Int ?? 0
            }
            let silences = try await client.execute(uri: "/v1/silences", method: .get) { try jsonObject($0)["silences"] as? [[String: Any]] }
            #expect(silences?.count == 1)
            try await client.execute(uri: "/v1/silences/\(id)", method: .delete) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/silences/\(id)", method: .delete) { #expect($0.status == .notFound) }
            for (body, field) in [(#"{"matchers":[],"duration":60,"createdBy":"a","comment":"b"}"#, "matchers"),
                                  (#"{"matchers":[{"name":"a","value":"b"}],"createdBy":"a","comment":"b"}"#, "endsAt"),
                                  (#"{"matchers":[{"name":"a","value":"(","isRegex":true}],"duration":60,"createdBy":"a","comment":"b"}"#, "matchers[0]"),
                                  (#"{"matchers":[{"name":"a","value":"b"}],"duration":60,"comment":"b"}"#, "createdBy")] {
                let (status, named) = try await client.execute(uri: "/v1/silences", method: .post, body: jsonBody(body)) { response in
                    (response.status, try apiError(response)["field"] as? String)
                }
                #expect(status == .unprocessableContent, "\(body)")
                #expect(named == field, "\(body)")
            }
        }
    }

    @Test("actions list their audit trail; approving an unknown or finished action is a JSON 404 or 409")
    func actions() async throws {
        let service = try await TestService.make()
        let now = Date()
        let waiting = try await service.store.createAction(ActionRecord(policy: "reboot", kind: "reboot_instance", target: "i-1", series: nil, incident: 1,
                                                                       status: .simulated, created: now, updated: now, detail: "would reboot i-1"),
                                                          event: "planned")
        try await service.run { client in
            let actions = try await client.execute(uri: "/v1/actions", method: .get) { try jsonObject($0)["actions"] as? [[String: Any]] ?? [] }
            #expect(actions.count == 1)
            #expect((actions.first?["audit"] as? [[String: Any]])?.first?["event"] as? String == "planned")
            let (status, code) = try await client.execute(uri: "/v1/actions/\(waiting.id)/approve", method: .post) { response in
                (response.status, try apiError(response)["code"] as? String)
            }
            #expect(status == .conflict)
            #expect(code == "not_awaiting_approval")
            try await client.execute(uri: "/v1/actions/999/approve", method: .post) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/v1/notifications", method: .get) { #expect($0.status == .ok) }
        }
    }
}
