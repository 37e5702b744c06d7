import Hummingbird

/// Answers requests that no route takes with a JSON error instead of an empty body: 404
/// `not_found` for an unknown path, 405 `method_not_allowed` with an `Allow` header for a
/// known path asked with another method.
///
/// Added to the router after every route, it wraps only the router's not-found
/// responder, so routed requests never pass through it; the routes it knows are the
/// router's own (`Router.routes`).
struct UnmatchedRouteMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The router's paths, each with the methods it accepts.
    private let routes: [(path: RouterPath, methods: [HTTPRequest.Method])]

    init(routes: [Router<Context>.RouteDescription]) {
        var grouped: [(path: RouterPath, methods: [HTTPRequest.Method])] = []
        for route in routes {
            if let index = grouped.firstIndex(where: { $0.path == route.path }) {
                grouped[index].methods.append(route.method)
            } else {
                grouped.append((route.path, [route.method]))
            }
        }
        self.routes = grouped
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
            guard let route = routes.first(where: { Self.matches($0.path, segments) }) else {
                throw APIError.notFound("no endpoint \(request.uri.path); see /openapi.json")
            }
            let allowed = route.methods.map(\.rawValue).joined(separator: ", ")
            throw APIError(.methodNotAllowed, code: "method_not_allowed",
                           message: "\(request.uri.path) accepts \(allowed), not \(request.method.rawValue)",
                           headers: [.allow: allowed])
        }
    }

    private static func matches(_ path: RouterPath, _ segments: [Substring]) -> Bool {
        path.components.count == segments.count && zip(path.components, segments).allSatisfy { $0 ~= $1 }
    }
}
