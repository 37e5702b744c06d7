import Foundation
import Hummingbird
import TocsinPipeline

/// `/health`, `/ready`, `/metrics` and `/openapi.json`.
struct HealthController<Context: RequestContext>: Sendable {
    let engine: DetectionEngine
    let metrics: ServiceMetrics

    func addRoutes(to router: Router<Context>) {
        router.get("/health", use: health)
        router.get("/ready", use: readiness)
        router.get("/metrics", use: prometheus)
        router.get("/openapi.json", use: openAPI)
    }

    private struct Status: Encodable {
        let status: String
        let backlog: Int?
    }

    @Sendable func health(_ request: Request, context: Context) async throws -> Response {
        try JSONResponse.make(Status(status: "ok", backlog: nil))
    }

    @Sendable func readiness(_ request: Request, context: Context) async throws -> Response {
        let ready = engine.isReady
        return try JSONResponse.make(Status(status: ready ? "ready" : "starting", backlog: engine.backlog),
                                     status: ready ? .ok : .serviceUnavailable)
    }

    @Sendable func prometheus(_ request: Request, context: Context) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: metrics.render())))
    }

    @Sendable func openAPI(_ request: Request, context: Context) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
    }
}
