import Foundation
import Testing
import TocsinAWS
import TocsinTestServers

extension AgainstMoto {
    @Suite("CloudWatchLogsClient")
    struct CloudWatchLogsClientTests {
        static let messages = [
            "INFO started", "ERROR disk full on /var", "INFO request ok", "java.lang.IllegalStateException: boom",
            "WARN slow request", "ERROR upstream timeout", "INFO request ok", "NullPointerException at Handler.swift:10",
            "ERROR retry budget exhausted", "INFO stopped",
        ]

        @Test("FilterLogEvents with ?ERROR ?Exception pages through the group; terms, time window and missing groups work")
        func filter() async throws {
            let moto = try MotoServer.shared()
            let transport = RecordingHTTPTransport(forwardingTo: MotoServer.transport)
            let logs = try CloudWatchLogsClient(configuration: moto.configuration(region: "eu-central-1", transport: transport))
            let group = "/tocsin/app"
            let t0 = Int64(Date().timeIntervalSince1970 * 1000) - 60_000
            for (streamIndex, stream) in ["web-1", "web-2"].enumerated() {
                let events = Self.messages.enumerated().map { index, message in
                    (timestamp: Date(timeIntervalSince1970: Double(t0 + Int64(index * 1000 + streamIndex)) / 1000), message: "\(stream) \(message)")
                }
                try await MotoFixtures.putLogEvents(logs, group: group, stream: stream, createGroup: streamIndex == 0, events)
            }
            let isAlert = { (message: String) in message.contains("ERROR") || message.contains("Exception") }
            let alerts = ["web-1", "web-2"].flatMap { stream in Self.messages.filter(isAlert).map { "\(stream) \($0)" } }

            let before = await transport.sent.count
            let found = try await logs.filterLogEvents(group: group, pattern: "?ERROR ?Exception", pageSize: 2)
            let pages = await transport.sent.dropFirst(before)
            #expect(pages.count > 1, "more than one page of 2")
            let firstPage = try #require(pages.first)
            #expect(firstPage.header("X-Amz-Target") == "Logs_20140328.FilterLogEvents")
            #expect(firstPage.header("Content-Type") == "application/x-amz-json-1.1")
            let sent = try #require(try JSONSerialization.jsonObject(with: Data(firstPage.body)) as? [String: Any])
            #expect(sent["filterPattern"] as? String == "?ERROR ?Exception")
            #expect(sent["logGroupName"] as? String == group && sent["limit"] as? Int == 2 && sent["nextToken"] == nil)
            // moto does not evaluate `?` patterns (it returns every event), so only check that every alert came back.
            #expect(Set(alerts).isSubset(of: Set(found.map(\.message))))
            #expect(Set(found.map(\.eventID)).count == found.count, "no event twice across pages")

            let errors = try await logs.filterLogEvents(group: group, streams: ["web-2"], pattern: "ERROR", pageSize: 2)
            #expect(errors.map(\.message) == Self.messages.filter { $0.contains("ERROR") }.map { "web-2 \($0)" })
            #expect(errors.allSatisfy { $0.logStreamName == "web-2" && $0.ingestionTime != nil })
            #expect(errors.first?.timestamp == Date(timeIntervalSince1970: Double(t0 + 1001) / 1000))

            let window = try await logs.filterLogEvents(
                group: group, streams: ["web-1"],
                from: Date(timeIntervalSince1970: Double(t0 + 3000) / 1000), to: Date(timeIntervalSince1970: Double(t0 + 5000) / 1000)
            )
            #expect(window.map(\.message) == Self.messages[3...5].map { "web-1 \($0)" })

            let error = try await #require(throws: AWSError.self) { try await logs.filterLogEvents(group: "/tocsin/missing") }
            #expect(error.code == .serviceError && error.serviceCode == "ResourceNotFoundException")
            #expect(error.message.hasPrefix("CloudWatch Logs FilterLogEvents: ResourceNotFoundException (HTTP 400): "))
        }
    }
}
