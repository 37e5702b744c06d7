import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TocsinServer

@Suite("Backpressure")
struct BackpressureTests {
    @Test("a full detection queue answers 429 with Retry-After, stores nothing of that batch, and accepts again once drained")
    func queueFull() async throws {
        let service = try await TestService.make { $0.queueCapacity = 100 }
        try await service.run { client in
            // Detection is 100 points behind: the queue is full.
            #expect(service.engine.reserve(100))
            let refused = try await client.execute(uri: "/v1/points", method: .post, headers: [.contentType: "application/json"],
                                                   body: jsonBody(IngestTests.batch(count: 50)))
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "1")
            let error = try apiError(refused)
            #expect(error["code"] as? String == "queue_full")
            #expect((error["message"] as? String)?.contains("100 points behind") == true)
            let none = try jsonObject(try await client.execute(uri: "/v1/series", method: .get))["series"] as? [[String: Any]]
            #expect(none?.isEmpty == true, "a refused batch leaves nothing behind")

            service.engine.release(100)
            let accepted = try await client.execute(uri: "/v1/points", method: .post, headers: [.contentType: "application/json"],
                                                    body: jsonBody(IngestTests.batch(count: 50)))
            #expect(accepted.status == .accepted)
            #expect(try jsonObject(accepted)["new"] as? Int == 50)
        }
    }
}
