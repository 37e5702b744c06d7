import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinCore
import TocsinServer
import TocsinStore

/// What the dashboard asks of the API: series paging, downsampled points, the event stream
/// and the evaluation report.
@Suite("Dashboard API")
struct DashboardAPITests {
    @Test("points thinned with max keep each bucket's extremes and every anomaly")
    func downsampling() async throws {
        let service = try await TestService.make()
        try await service.run { client in
            var lines: [String] = []
            for index in 0..<2_000 {
                let value = index == 1_500 ? 500 : sin(Double(index) / 20) * 10 + Double(index % 7)
                lines.append(#"{"series":"cpu","timestamp":\#(1_700_000_000 + index * 60),"value":\#(value)}"#)
            }
            try await client.execute(uri: "/v1/points", method: .post, headers: [.contentType: "application/x-ndjson"],
                                     body: ByteBuffer(string: lines.joined(separator: "\n"))) { #expect($0.status == .accepted) }
            try await service.drained()
            let range = "from=1700000000&to=1800000000"
            let full = try await client.execute(uri: "/v1/series/1/points?\(range)", method: .get) { try jsonObject($0) }
            let all = try #require(full["points"] as? [[String: Any]])
            #expect(all.count == 2_000 && full["downsampled"] as? Bool == false)
            let anomalous = all.filter { ($0["score"] as? Double ?? 0) >= ($0["threshold"] as? Double ?? .infinity) }
            #expect(anomalous.contains { $0["value"] as? Double == 500 }, "the spike is an anomaly")

            let thin = try await client.execute(uri: "/v1/series/1/points?\(range)&max=100", method: .get) { try jsonObject($0) }
            let kept = try #require(thin["points"] as? [[String: Any]])
            #expect(thin["total"] as? Int == 2_000 && thin["downsampled"] as? Bool == true)
            #expect(kept.count <= 100 + anomalous.count && kept.count >= 50)
            let times = kept.compactMap { $0["timestamp"] as? String }
            #expect(times == times.sorted(), "in time order")
            let keptTimes = Set(times)
            #expect(anomalous.allSatisfy { keptTimes.contains($0["timestamp"] as? String ?? "") }, "every anomaly is kept")
            let values = all.compactMap { $0["value"] as? Double }
            let keptValues = kept.compactMap { $0["value"] as? Double }
            #expect(keptValues.max() == values.max() && keptValues.min() == values.min(), "the extremes are kept")
            for bad in ["max=1", "max=100001", "max=x"] {
                try await client.execute(uri: "/v1/series/1/points?\(bad)", method: .get) { response in
                    let field = try apiError(response)["field"] as? String
                    #expect(response.status == .badRequest)
                    #expect(field == "max")
                }
            }
        }
    }

    @Test("series are listed in key order, filtered and paged")
    func seriesPaging() async throws {
        let service = try await TestService.make()
        try await service.run { client in
            let points = (0..<25).map { #"{"series":"s\#(String(format: "%02d", $0))","labels":{"service":"\#($0 % 2 == 0 ? "even" : "odd")"},"timestamp":1700000000,"value":1}"# }
            try await client.execute(uri: "/v1/points", method: .post, body: jsonBody(#"{"points":[\#(points.joined(separator: ","))]}"#)) {
                #expect($0.status == .accepted)
            }
            let page = try await client.execute(uri: "/v1/series?limit=10&offset=20", method: .get) { try jsonObject($0) }
            let names = (page["series"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["s20", "s21", "s22", "s23", "s24"])
            #expect(page["total"] as? Int == 25 && page["offset"] as? Int == 20)
            let odd = try await client.execute(uri: "/v1/series?match=ODD", method: .get) { try jsonObject($0) }
            #expect(odd["total"] as? Int == 12)
            #expect(try await client.execute(uri: "/v1/series", method: .get) { try jsonObject($0)["total"] as? Int } == 25)
            for bad in ["limit=0", "offset=-1", "limit=10001"] {
                try await client.execute(uri: "/v1/series?\(bad)", method: .get) { #expect($0.status == .badRequest, "\(bad)") }
            }
        }
    }

    @Test("the event stream sends the state at once and again when an incident opens; plain clients get JSON")
    func events() async throws {
        let service = try await TestService.make()
        try await service.run { client in
            let snapshot = try await client.execute(uri: "/v1/events", method: .get) { response in
                #expect(response.headers[.contentType] == "application/json")
                return try jsonObject(response)
            }
            #expect(snapshot["series"] as? Int == 0 && snapshot["incidents"] is Int)
            // Read the stream as it arrives and open the incident only after its first state, so
            // the second state is the incident's however slowly the server starts the stream.
            let stream = try EventStreamClient(port: try #require(client.port), path: "/v1/events?duration=20")
            var text = ""
            var opened = false
            for await piece in stream.pieces {
                text += piece
                let events = stateEvents(in: text).count
                if events >= 1, !opened {
                    _ = try await service.store.saveIncident(Incident(scope: ["service": "api"], start: Date(), end: Date(), anomalyCount: 1,
                                                                      maxScore: 1, series: [], status: .open))
                    opened = true
                }
                if events >= 2 { stream.close() }
            }
            #expect(text.lowercased().contains("content-type: text/event-stream"))
            #expect(text.contains("retry: 1000\n\n"))
            let states = stateEvents(in: text)
            #expect(states.count == 2, "\(text)")
            #expect(states.first?["incidents"] as? Int != states.last?["incidents"] as? Int)

            let started = ContinuousClock.now
            let short = try await client.execute(uri: "/v1/events?duration=1", method: .get, headers: [.accept: "text/event-stream"]) { response in
                #expect(response.headers[.contentType] == "text/event-stream")
                return String(buffer: response.body)
            }
            #expect(ContinuousClock.now - started < .seconds(20), "the stream ends after its duration")
            #expect(short.hasPrefix("retry: 1000\n\nevent: state\ndata: "))
            try await client.execute(uri: "/v1/events?duration=0", method: .get) { #expect($0.status == .badRequest) }
        }
    }

    @Test("the evaluation report is served under /report/ when configured, and nothing outside it")
    func report() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("files"), withIntermediateDirectories: true)
        try Data("<h1>NAB report</h1>".utf8).write(to: folder.appendingPathComponent("index.html"))
        try Data("<h1>one file</h1>".utf8).write(to: folder.appendingPathComponent("files/001-a.html"))
        try Data("secret".utf8).write(to: folder.appendingPathComponent(".hidden"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let service = try await TestService.make { $0.reportFolder = folder.path }
        try await service.run { client in
            try await client.execute(uri: "/report/", method: .get) { response in
                #expect(response.status == .ok && String(buffer: response.body) == "<h1>NAB report</h1>")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
            try await client.execute(uri: "/report", method: .get) { response in
                #expect(response.status == .movedPermanently && response.headers[.location] == "/report/")
            }
            try await client.execute(uri: "/report/files/001-a.html", method: .get) { #expect(String(buffer: $0.body) == "<h1>one file</h1>") }
            try await client.execute(uri: "/report/.hidden", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/report/files/%2E%2E/%2E%2E/etc", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/report/missing.html", method: .get) { response in
                let code = try apiError(response)["code"] as? String
                #expect(response.status == .notFound && code == "not_found")
            }
            let overview = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
            #expect(overview.contains(#"<a href="/report/">Evaluation</a>"#))
        }
        let plain = try await TestService.make()
        try await plain.run { client in
            try await client.execute(uri: "/report/", method: .get) { response in
                let message = try apiError(response)["message"] as? String
                #expect(response.status == .notFound)
                #expect(message?.contains("--report DIR") == true)
            }
        }
    }
}

/// The data of each complete `state` event in a server-sent event stream's text.
private func stateEvents(in text: String) -> [[String: Any]] {
    text.components(separatedBy: "event: state\ndata: ").dropFirst().compactMap { chunk in
        guard let end = chunk.range(of: "\n\n") else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(chunk[..<end.lowerBound].utf8)) as? [String: Any]
    }
}
