import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// POSTs JSON for the HTTP sinks and sorts failures: 2xx is delivered; 408, 429, 5xx and
/// network failures can be retried; other statuses are refused for good. Errors name the
/// URL's host only, since webhook URLs often carry a token in their path.
struct HTTPPoster: Sendable {
    /// Headers sent with every request (an `Authorization` header, for instance).
    let headers: [String: String]
    /// Seconds before a request is abandoned.
    let timeout: TimeInterval

    init(headers: [String: String] = [:], timeout: TimeInterval = 10) {
        self.headers = headers
        self.timeout = timeout
    }

    /// Sends `body` to `url`; `what` names the sink in errors.
    func post(_ body: Data, to url: URL, what: String) async throws(SinkFailure) {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let host = url.host ?? "an invalid URL"
        let response: URLResponse
        let answer: Data
        do {
            (answer, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw SinkFailure("\(what) at \(host) could not be reached: \(Self.reason(error))", retryable: true)
        }
        guard let status = (response as? HTTPURLResponse)?.statusCode else {
            throw SinkFailure("\(what) at \(host) sent no HTTP answer", retryable: true)
        }
        guard !(200..<300).contains(status) else { return }
        let excerpt = String(decoding: answer.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let retryable = status == 408 || status == 429 || status >= 500
        throw SinkFailure("\(what) at \(host) answered HTTP \(status)\(excerpt.isEmpty ? "" : ": \(excerpt)")", retryable: retryable)
    }

    /// A network error in a few words, without the URL it may carry.
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? URLError else { return "\(type(of: error))" }
        switch error.code {
        case .timedOut: return "timed out"
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost: return "unknown host"
        case .networkConnectionLost: return "connection lost"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate: return "TLS failed"
        default: return "network error \(error.code.rawValue)"
        }
    }
}
