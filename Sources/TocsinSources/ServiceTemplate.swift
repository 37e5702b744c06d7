/// The normal behaviour of a kind of service at average load, before per-instance variation.
struct ServiceTemplate {
    /// Requests per second per instance.
    var requestRate: Double
    /// CPU percent with no traffic.
    var idleCPU: Double
    /// CPU percent the average traffic adds.
    var busyCPU: Double
    /// Memory percent.
    var memory: Double
    /// p95 latency in milliseconds.
    var latency: Double
    /// Fraction of requests failing with a server error.
    var errorRate: Double
    /// Sampled `auth_success` logs per tick.
    var authSuccesses: Double
    /// Failed logins per tick (each logged).
    var authFailures: Double
    /// Request paths for request logs.
    var paths: [String]
    /// Messages for error logs.
    var errors: [String]

    /// The template for a service name: hand-set for `api`, `checkout` and `auth`, drawn
    /// from the name's hash for any other.
    static func named(_ service: String) -> ServiceTemplate {
        switch service {
        case "api":
            ServiceTemplate(requestRate: 120, idleCPU: 6, busyCPU: 24, memory: 42, latency: 85, errorRate: 0.003,
                            authSuccesses: 1, authFailures: 0.4,
                            paths: ["/v1/products", "/v1/search", "/v1/cart", "/v1/users/me"],
                            errors: ["upstream checkout timed out after 3000 ms", "inventory service returned 503",
                                     "connection reset by peer"])
        case "checkout":
            ServiceTemplate(requestRate: 35, idleCPU: 8, busyCPU: 24, memory: 48, latency: 210, errorRate: 0.004,
                            authSuccesses: 0.6, authFailures: 0.2,
                            paths: ["/checkout", "/checkout/payment", "/orders", "/orders/history"],
                            errors: ["payment gateway returned 502", "database connection pool exhausted",
                                     "order lock wait timeout exceeded"])
        case "auth":
            ServiceTemplate(requestRate: 60, idleCPU: 5, busyCPU: 20, memory: 36, latency: 45, errorRate: 0.002,
                            authSuccesses: 5, authFailures: 1.5,
                            paths: ["/login", "/token/refresh", "/logout", "/.well-known/jwks.json"],
                            errors: ["session store unavailable", "token signing key fetch failed",
                                     "connection reset by peer"])
        default:
            generic(service)
        }
    }

    private static func generic(_ service: String) -> ServiceTemplate {
        var random = StreamSeed.generator(StreamSeed.hash(service), .profile)
        return ServiceTemplate(
            requestRate: random.nextDouble(in: 20...150), idleCPU: random.nextDouble(in: 4...9),
            busyCPU: random.nextDouble(in: 18...30), memory: random.nextDouble(in: 35...50),
            latency: random.nextDouble(in: 40...220), errorRate: random.nextDouble(in: 0.002...0.005),
            authSuccesses: 0.8, authFailures: 0.3,
            paths: ["/\(service)", "/\(service)/items", "/\(service)/status"],
            errors: ["dependency call timed out", "internal server error", "connection reset by peer"])
    }
}
