import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// ``AWSHTTPTransport`` over Foundation's `URLSession`, with timeouts.
///
/// Each transport owns one `URLSession` and its connections: make one and share it between
/// the clients of a process rather than one per request.
public struct URLSessionHTTPTransport: AWSHTTPTransport {
    /// The longest wait for the next bytes of an answer, in seconds.
    public let requestTimeout: TimeInterval
    /// The longest time one exchange may take as a whole, in seconds.
    public let resourceTimeout: TimeInterval
    private let session: URLSession

    /// A transport that gives up after `requestTimeout` seconds without data, or
    /// `resourceTimeout` seconds in all.
    public init(requestTimeout: TimeInterval = 30, resourceTimeout: TimeInterval = 120) {
        self.requestTimeout = requestTimeout
        self.resourceTimeout = resourceTimeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.timeoutIntervalForResource = resourceTimeout
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        self.session = URLSession(configuration: configuration)
    }

    /// Sends `request` and returns the answer, whatever its status.
    public func send(_ request: AWSHTTPRequest) async throws(AWSError) -> AWSHTTPResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: requestTimeout)
        urlRequest.httpMethod = request.method
        for header in request.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }
        let target = Self.origin(of: request.url)
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                throw AWSError(.invalidResponse, "\(target) did not answer over HTTP")
            }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                headers[String(describing: name)] = String(describing: value)
            }
            return AWSHTTPResponse(status: http.statusCode, headers: headers, body: Array(data))
        } catch let error as AWSError {
            throw error
        } catch let error as URLError {
            throw Self.error(for: error, target: target)
        } catch is CancellationError {
            throw AWSError(.cancelled, "the request to \(target) was cancelled")
        } catch {
            throw AWSError(.connectionFailed, "\(target) could not be reached: \(error.localizedDescription)")
        }
    }

    /// The ``AWSError`` for a failed exchange with `target`.
    static func error(for error: URLError, target: String) -> AWSError {
        switch error.code {
        case .timedOut:
            AWSError(.timedOut, "\(target) did not answer within the timeout")
        case .networkConnectionLost, .notConnectedToInternet:
            AWSError(.connectionLost, "the connection to \(target) was lost")
        case .cancelled:
            AWSError(.cancelled, "the request to \(target) was cancelled")
        case .cannotConnectToHost:
            AWSError(.connectionFailed, "\(target) refused the connection (is the endpoint right?)")
        case .cannotFindHost, .dnsLookupFailed:
            AWSError(.connectionFailed, "the host of \(target) is unknown (is the endpoint right?)")
        default:
            AWSError(.connectionFailed, "\(target) could not be reached (URLError \(error.code.rawValue))")
        }
    }

    /// `scheme://host:port` of `url`, without path or query, to name the endpoint in errors.
    static func origin(of url: URL) -> String {
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(url.scheme ?? "https")://\(url.host(percentEncoded: false) ?? "?")\(port)"
    }
}
