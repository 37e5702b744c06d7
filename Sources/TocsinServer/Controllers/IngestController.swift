import Foundation
import Hummingbird
import TocsinCore
import TocsinPipeline
import TocsinStore

/// `POST /v1/points` and `POST /v1/logs`: validate, store durably, then queue for detection.
struct IngestController<Context: RequestContext>: Sendable {
    let ingestor: Ingestor
    let metrics: ServiceMetrics
    let limits: IngestLimits

    func addRoutes(to router: Router<Context>) {
        router.post("/v1/points", use: points)
        router.post("/v1/logs", use: logs)
    }

    private struct Accepted: Encodable {
        let accepted: Int
        let new: Int?
    }

    @Sendable func points(_ request: Request, context: Context) async throws -> Response {
        let clock = ContinuousClock()
        let started = clock.now
        let body = try await RequestDecoding.body(of: request, limit: limits.maxBodyBytes)
        let ndjson = RequestDecoding.isNDJSON(request)
        let payloads = try body.withUnsafeReadableBytes { bytes throws(APIError) in try PointBodyParser.parse(bytes, ndjson: ndjson) }
        let points = try PointValidation(limits: limits, now: Date()).validate(payloads, field: ndjson ? "lines" : "points")
        let stored: Int
        do {
            stored = try await ingestor.ingest(points)
        } catch {
            switch error {
            case .queueFull(let backlog):
                throw APIError(.tooManyRequests, code: "queue_full", message: "detection is \(backlog) points behind; retry shortly",
                               headers: [.retryAfter: "1"])
            case .seriesLimit(let message):
                throw APIError.unprocessable("series_limit", message)
            case .storeFailed(let cause):
                context.logger.error("storing \(points.count) points failed: \(cause)")
                throw APIError(.serviceUnavailable, code: "store_unavailable",
                               message: "the store could not save the points; nothing was accepted", headers: [.retryAfter: "5"])
            }
        }
        metrics.ingested(events: points.count, duration: clock.now - started)
        return try JSONResponse.make(Accepted(accepted: points.count, new: stored), status: .accepted)
    }

    @Sendable func logs(_ request: Request, context: Context) async throws -> Response {
        let clock = ContinuousClock()
        let started = clock.now
        let body = try await RequestDecoding.body(of: request, limit: limits.maxBodyBytes)
        let payloads = try RequestDecoding.decode(body, ndjson: RequestDecoding.isNDJSON(request), wrapper: LogBatch.self,
                                                  element: LogPayload.self, list: "logs") { $0.logs }
        let records = try PointValidation(limits: limits, now: Date()).validate(payloads)
        do {
            try await ingestor.ingest(records)
        } catch {
            context.logger.error("storing \(records.count) logs failed: \(error)")
            throw APIError(.serviceUnavailable, code: "store_unavailable", message: "the store could not save the logs; nothing was accepted",
                           headers: [.retryAfter: "5"])
        }
        metrics.ingested(events: records.count, duration: clock.now - started)
        return try JSONResponse.make(Accepted(accepted: records.count, new: nil), status: .accepted)
    }
}
