import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads Prometheus's HTTP query API (`/api/v1/query_range`).
public struct PrometheusClient: Sendable {
    /// The server, e.g. `http://127.0.0.1:9090`.
    public let baseURL: URL
    /// How long one request may take.
    public let timeout: TimeInterval

    /// A client for the server at `baseURL`.
    public init(baseURL: URL, timeout: TimeInterval = 10) {
        self.baseURL = baseURL
        self.timeout = timeout
    }

    /// The series `query` (PromQL) gives between `start` and `end` (epoch seconds), one
    /// sample every `step` seconds.
    public func queryRange(_ query: String, start: Double, end: Double, step: Double) async throws(PrometheusError) -> [PrometheusSeries] {
        guard var components = URLComponents(url: baseURL.appendingPathComponent("api/v1/query_range"), resolvingAgainstBaseURL: false) else {
            throw PrometheusError("\(baseURL) is not a usable URL")
        }
        components.queryItems = [
            URLQueryItem(name: "query", value: query),
            URLQueryItem(name: "start", value: String(format: "%.3f", start)),
            URLQueryItem(name: "end", value: String(format: "%.3f", end)),
            URLQueryItem(name: "step", value: String(format: "%.3f", step)),
        ]
        // "+" is literal in a query item but means a space to Prometheus's form parser.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let url = components.url else { throw PrometheusError("cannot build a query URL for \(query)") }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let body: Data
        let response: URLResponse
        do { (body, response) = try await URLSession.shared.data(for: request) } catch {
            throw PrometheusError("cannot reach Prometheus at \(baseURL): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        // Prometheus answers 400 and 422 with its JSON error body, which explains more.
        guard (200..<300).contains(status) || status == 400 || status == 422 else {
            throw PrometheusError("Prometheus at \(baseURL) answered HTTP \(status)")
        }
        return try QueryRangeResponse.decode(body)
    }
}
