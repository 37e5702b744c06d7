import Foundation
import Hummingbird
import ServiceLifecycle
import TocsinPipeline
import TocsinStore

/// `GET /v1/events`: what changed, for pages that update without reloading. With
/// `Accept: text/event-stream` it is a server-sent event stream: a `state` event at once and
/// another whenever the state changes (checked every second), a comment every 15 s to keep
/// proxies from closing it, until `duration` seconds pass (default 300; browsers reconnect by
/// themselves) or the server shuts down. Any other client gets the current state as JSON.
struct EventStreamController<Context: RequestContext>: Sendable {
    let state: DashboardState

    func addRoutes(to router: Router<Context>) {
        router.get("/v1/events", use: events)
    }

    @Sendable func events(_ request: Request, context: Context) async throws -> Response {
        let query = QueryParameters(request.uri.queryParameters)
        let duration = try query.integer("duration", in: 1...3_600) ?? 300
        guard (request.headers[.accept] ?? "").contains("text/event-stream") else {
            return try JSONResponse.make(try await state.current())
        }
        let state = self.state
        let body = ResponseBody { writer in
            let deadline = ContinuousClock.now + .seconds(duration)
            var last: DashboardState.Snapshot?
            var quiet = 0
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            while ContinuousClock.now < deadline, !Task.isCancelled, !Task.isShuttingDownGracefully {
                let snapshot = try await state.current()
                if snapshot != last {
                    let data = try JSONResponse.encoder.encode(snapshot)
                    try await writer.write(ByteBuffer(string: "event: state\ndata: \(String(decoding: data, as: UTF8.self))\n\n"))
                    last = snapshot
                    quiet = 0
                } else {
                    quiet += 1
                    if quiet >= 15 {
                        try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        quiet = 0
                    }
                }
                try? await Task.sleep(for: .seconds(1))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }
}
