import Foundation
import Testing
import TocsinAWS
import TocsinCloudWatch
import TocsinCore
import TocsinTestServers

extension AgainstMoto {
    @Suite("CloudWatchLogsReader")
    struct CloudWatchLogsReaderTests {
        // moto implements single terms and phrases but answers every event for `?` alternatives, so this uses one term.
        @Test("events of every group in the window that match the pattern, as log records with levels, oldest first")
        func windowedRecords() async throws {
            let moto = try MotoServer.shared()
            let logs = try CloudWatchLogsClient(configuration: moto.configuration(region: "ap-northeast-2"))
            let start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 3_600).rounded(.down))
            let lines = [("/app/web", "i-0web", 0, "INFO served /"), ("/app/web", "i-0web", 10, "ERROR upstream timeout"),
                         ("/app/api", "i-0api", 5, "java.lang.IllegalStateException: pool exhausted"),
                         ("/app/api", "i-0api", 15, "WARN ERROR budget at 80%"), ("/app/api", "i-0api", 20, "FATAL ERROR out of memory"), ("/app/web", "i-0web", 900, "ERROR after the window")]
            for group in ["/app/web", "/app/api"] {
                let events = lines.filter { $0.0 == group }.map { (timestamp: start.addingTimeInterval(Double($0.2)), message: $0.3) }
                try await MotoFixtures.putLogEvents(logs, group: group, stream: group == "/app/web" ? "i-0web" : "i-0api", events)
            }
            let reader = CloudWatchLogsReader(logs: logs, groups: ["/app/web", "/app/api"], pattern: "ERROR")
            let records = try await reader.records(from: start, to: start.addingTimeInterval(60))
            #expect(records.map(\.message) == ["ERROR upstream timeout", "WARN ERROR budget at 80%", "FATAL ERROR out of memory"])
            #expect(records.map(\.level) == [.error, .error, .critical])
            #expect(records.map(\.service) == ["/app/web", "/app/api", "/app/api"])
            #expect(records.map(\.instance) == ["i-0web", "i-0api", "i-0api"])
            #expect(records.first?.fields["log_group"] == "/app/web")
        }
    }
}
