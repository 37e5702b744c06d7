import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinServer

@Suite("Health, metrics and the OpenAPI document")
struct OperationsTests {
    @Test("health, readiness and Prometheus metrics")
    func operations() async throws {
        let service = try await TestService.make()
        try await service.run { client in
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            let body = #"{"points":[{"series":"cpu","labels":{"service":"api"},"timestamp":1700000000,"value":1}]}"#
            _ = try await client.execute(uri: "/v1/points", method: .post, body: jsonBody(body))
            try await service.drained()
            #expect(try await client.execute(uri: "/ready", method: .get).status == .ok)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            let text = String(buffer: metrics.body)
            #expect(text.contains("events_processed_total 1"))
            #expect(text.contains("anomalies_detected_total"))
            #expect(text.contains("tocsin_ingest_latency_seconds_bucket"))
            #expect(text.contains("tocsin_anomaly_score{"))
        }
    }

    @Test("the OpenAPI document is JSON describing every route")
    func openAPI() async throws {
        let service = try await TestService.make()
        try await service.run { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            let document = try jsonObject(response)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            for path in ["/health", "/ready", "/metrics", "/analyze", "/v1/points", "/v1/logs", "/v1/series", "/v1/series/{id}/points",
                         "/v1/anomalies", "/v1/incidents", "/v1/incidents/{id}"] {
                #expect(paths[path] != nil, "\(path)")
            }
        }
    }

    @Test("unknown paths get 404 and wrong methods 405 with Allow, both as JSON; every documented operation is routed")
    func unmatchedRoutes() async throws {
        let service = try await TestService.make()
        try await service.run { client in
            let unknown = try await client.execute(uri: "/v2/nothing", method: .get)
            #expect(unknown.status == .notFound)
            #expect(try apiError(unknown)["code"] as? String == "not_found")
            let wrong = try await client.execute(uri: "/v1/series", method: .delete)
            #expect(wrong.status == .methodNotAllowed)
            #expect(wrong.headers[.allow] == "GET")
            #expect(try apiError(wrong)["code"] as? String == "method_not_allowed")

            let document = try jsonObject(try await client.execute(uri: "/openapi.json", method: .get))
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            for (path, operations) in paths {
                let uri = path.replacingOccurrences(of: #"\{[a-z]+\}"#, with: "1", options: .regularExpression)
                for method in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
                    let response = try await client.execute(uri: uri, method: .init(method)!, body: jsonBody("{}"))
                    let message = (try? apiError(response))?["message"] as? String
                    let routed = response.status != .methodNotAllowed && message?.hasPrefix("no endpoint") != true
                    #expect(routed == (operations[method.lowercased()] != nil), "\(method) \(path): \(response.status)")
                }
            }
        }
    }

    @Test("refuses a public bind without a token")
    func publicBind() throws {
        var configuration = ServerConfiguration()
        configuration.host = "0.0.0.0"
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
        configuration.tokens = ["t"]
        try configuration.validate()
    }
}
