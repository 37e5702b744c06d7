import Hummingbird

/// Answers requests that no route takes with a JSON error instead of an empty body: 404
/// `not_found` for an unknown path, 405 `method_not_allowed` with an `Allow` header for a
/// known path asked with another method.
struct UnmatchedRouteMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Every route of the API: a path (with `{name}` for a parameter segment) and its methods.
    static var routes: [(path: String, methods: [HTTPRequest.Method])] {
        [
            ("/health", [.get]), ("/ready", [.get]), ("/metrics", [.get]), ("/openapi.json", [.get]),
            ("/analyze", [.get]), ("/v1/points", [.post]), ("/v1/logs", [.post]), ("/v1/series", [.get]),
            ("/v1/series/{id}/points", [.get]), ("/v1/anomalies", [.get]), ("/v1/incidents", [.get]),
            ("/v1/incidents/{id}", [.get]),
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
        guard let route = Self.routes.first(where: { Self.matches($0.path, segments) }) else {
            throw APIError.notFound("no endpoint \(request.uri.path); see /openapi.json")
        }
        guard route.methods.contains(request.method) else {
            let allowed = route.methods.map(\.rawValue).joined(separator: ", ")
            throw APIError(.methodNotAllowed, code: "method_not_allowed",
                           message: "\(request.uri.path) accepts \(allowed), not \(request.method.rawValue)",
                           headers: [.allow: allowed])
        }
        return try await next(request, context)
    }

    private static func matches(_ pattern: String, _ segments: [Substring]) -> Bool {
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == segments.count else { return false }
        return zip(parts, segments).allSatisfy { part, segment in part.hasPrefix("{") || part == segment }
    }
}
