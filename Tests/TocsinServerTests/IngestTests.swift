import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinServer

@Suite("Ingest API")
struct IngestTests {
    static func batch(count: Int, start: Int = 0, spikeAt: Int? = nil) -> String {
        let points = (start..<(start + count)).map { index in
            let value = index == spikeAt ? 500.0 : 50 + Double(index % 7)
            return #"{"series":"cpu_utilization","labels":{"service":"api","instance":"i-1"},"timestamp":\#(1_760_000_000 + index * 60),"value":\#(value)}"#
        }
        return #"{"points":[\#(points.joined(separator: ","))]}"#
    }

    @Test("points are stored, detected, and served back with scores")
    func storesAndDetects() async throws {
        let service = try await TestService.make()
        try await service.run { client in
            let accepted = try await client.execute(uri: "/v1/points", method: .post, headers: [.contentType: "application/json"],
                                                    body: jsonBody(Self.batch(count: 100, spikeAt: 80)))
            #expect(accepted.status == .accepted)
            #expect(try jsonObject(accepted)["accepted"] as? Int == 100)
            try await service.drained()
            let series = try jsonObject(try await client.execute(uri: "/v1/series", method: .get))["series"] as? [[String: Any]]
            #expect(series?.count == 1)
            let id = try #require(series?.first?["id"] as? Int)
            let points = try await client.execute(uri: "/v1/series/\(id)/points?from=0&limit=1000", method: .get)
            let rows = try #require(try jsonObject(points)["points"] as? [[String: Any]])
            #expect(rows.count == 100)
            #expect(rows.last?["score"] is Double)
            let analysis = try jsonObject(try await client.execute(uri: "/analyze", method: .get))["series"] as? [[String: Any]]
            #expect(analysis?.first?["pointsSeen"] as? Int == 100)
            let anomalies = try jsonObject(try await client.execute(uri: "/v1/anomalies?from=0", method: .get))["anomalies"] as? [[String: Any]]
            #expect(anomalies?.contains { $0["value"] as? Double == 500 } == true)
            let incidents = try jsonObject(try await client.execute(uri: "/v1/incidents", method: .get))["incidents"] as? [[String: Any]]
            #expect((incidents?.count ?? 0) >= 1)
            let again = try await client.execute(uri: "/v1/points", method: .post, body: jsonBody(Self.batch(count: 100)))
            #expect(try jsonObject(again)["new"] as? Int == 0)
        }
    }

    @Test("NDJSON bodies are accepted")
    func ndjson() async throws {
        let service = try await TestService.make()
        try await service.run { client in
            let lines = (0..<5).map { #"{"series":"mem","timestamp":"2026-11-21T10:0\#($0):00Z","value":\#($0)}"# }.joined(separator: "\n")
            let response = try await client.execute(uri: "/v1/points", method: .post, headers: [.contentType: "application/x-ndjson"],
                                                    body: jsonBody(lines + "\n"))
            #expect(response.status == .accepted)
            #expect(try jsonObject(response)["accepted"] as? Int == 5)
        }
    }

    @Test("bad input gets a specific 4xx naming the field, and the server keeps serving")
    func badInput() async throws {
        let service = try await TestService.make { $0.limits.maxBodyBytes = 4_096; $0.limits.maxSeries = 3 }
        try await service.run { client in
            let cases: [(String, HTTPResponse.Status, String, String?)] = [
                ("{\"points\": [", .badRequest, "malformed_json", nil),
                ("{\"points\": [{\"series\":\"a\",\"timestamp\":0}]}", .unprocessableContent, "missing_field", "points[0].value"),
                ("{\"points\": [{\"series\":\"a\",\"timestamp\":1700000000,\"value\":\"NaN\"}]}", .unprocessableContent, "invalid_type", "points[0].value"),
                ("{\"points\": [{\"series\":\"a\",\"timestamp\":4102444800,\"value\":1}]}", .unprocessableContent, "timestamp_in_future", "points[0].timestamp"),
                ("{\"points\": [{\"series\":\"a\",\"timestamp\":1000,\"value\":1}]}", .unprocessableContent, "timestamp_too_old", "points[0].timestamp"),
                ("{\"points\": [{\"series\":\"a\",\"timestamp\":\"yesterday\",\"value\":1}]}", .unprocessableContent, "invalid_value", "points[0].timestamp"),
                ("{\"points\": [{\"series\":\"1bad\",\"timestamp\":1700000000,\"value\":1}]}", .unprocessableContent, "invalid_name", "points[0].series"),
                ("{\"points\": []}", .unprocessableContent, "empty_batch", "points"),
                ("{\"points\": [{\"series\":\"a\",\"timestamp\":1700000000,\"value\":1},{\"series\":\"a\",\"timestamp\":1700000000,\"value\":2}]}",
                 .unprocessableContent, "duplicate_point", "points[1].timestamp"),
                ("{\"points\": [" + Array(repeating: "{\"series\":\"a\",\"timestamp\":1700000000,\"value\":1}", count: 200).joined(separator: ",") + "]}",
                 .contentTooLarge, "body_too_large", nil),
            ]
            for (body, status, code, field) in cases {
                let response = try await client.execute(uri: "/v1/points", method: .post, body: jsonBody(body))
                #expect(response.status == status, "\(code)")
                let error = try apiError(response)
                #expect(error["code"] as? String == code)
                #expect(error["field"] as? String == field, "\(code)")
                #expect((error["message"] as? String)?.isEmpty == false)
            }
            let series = (0..<4).map { #"{"series":"s\#($0)","timestamp":1700000000,"value":1}"# }.joined(separator: ",")
            let tooMany = try await client.execute(uri: "/v1/points", method: .post, body: jsonBody("{\"points\":[\(series)]}"))
            #expect(tooMany.status == .unprocessableContent)
            #expect(try apiError(tooMany)["code"] as? String == "series_limit")
            let healthy = try await client.execute(uri: "/health", method: .get)
            #expect(healthy.status == .ok)
        }
    }

    @Test("write endpoints need the bearer token when one is configured")
    func authentication() async throws {
        let service = try await TestService.make { $0.tokens = ["s3cret"] }
        try await service.run { client in
            let body = #"{"points":[{"series":"a","timestamp":1700000000,"value":1}]}"#
            let anonymous = try await client.execute(uri: "/v1/points", method: .post, body: jsonBody(body))
            #expect(anonymous.status == .unauthorized)
            #expect(try apiError(anonymous)["code"] as? String == "unauthorized")
            let wrong = try await client.execute(uri: "/v1/points", method: .post, headers: [.authorization: "Bearer nope"], body: jsonBody(body))
            #expect(wrong.status == .unauthorized)
            let right = try await client.execute(uri: "/v1/points", method: .post, headers: [.authorization: "Bearer s3cret"], body: jsonBody(body))
            #expect(right.status == .accepted)
            #expect(try await client.execute(uri: "/v1/series", method: .get).status == .ok)
        }
    }

    @Test("logs are validated and stored")
    func logs() async throws {
        let service = try await TestService.make()
        try await service.run { client in
            let body = #"{"logs":[{"timestamp":"2026-11-21T10:00:00Z","service":"auth","instance":"i-2","level":"error","message":"login failed","fields":{"user":"bob","source_ip":"10.0.0.9"}}]}"#
            let response = try await client.execute(uri: "/v1/logs", method: .post, body: jsonBody(body))
            #expect(response.status == .accepted)
            let stored = try await service.store.logs(from: .distantPast, to: .distantFuture, service: "auth", instance: nil, limit: 10)
            #expect(stored.first?.fields["user"] == "bob")
            let bad = try await client.execute(uri: "/v1/logs", method: .post, body: jsonBody(#"{"logs":[{"timestamp":1700000000,"service":"","instance":"x","message":"m"}]}"#))
            #expect(bad.status == .unprocessableContent)
            #expect(try apiError(bad)["field"] as? String == "logs[0].service")
        }
    }
}
