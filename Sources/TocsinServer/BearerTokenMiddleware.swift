import Hummingbird

/// Requires `Authorization: Bearer TOKEN` with one of the configured tokens on every
/// request that changes state (any method but GET, HEAD and OPTIONS). With no tokens
/// configured it lets everything through (the server then refuses non-loopback binds).
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokens: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !tokens.isEmpty, ![.get, .head, .options].contains(request.method) else {
            return try await next(request, context)
        }
        let header = request.headers[.authorization] ?? ""
        guard header.hasPrefix("Bearer "), tokens.contains(String(header.dropFirst("Bearer ".count))) else {
            throw APIError(.unauthorized, code: "unauthorized", message: "this endpoint needs Authorization: Bearer TOKEN with a configured token",
                           headers: [.wwwAuthenticate: "Bearer"])
        }
        return try await next(request, context)
    }
}
