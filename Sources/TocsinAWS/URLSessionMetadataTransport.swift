import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// ``MetadataTransport`` over Foundation's `URLSession`, with a short timeout so that a
/// machine without the metadata service gives up in about a second.
public struct URLSessionMetadataTransport: MetadataTransport {
    /// The service's root, such as `http://169.254.169.254`.
    public let endpoint: URL
    /// The longest wait for one answer, in seconds.
    public let timeout: TimeInterval
    private let session: URLSession

    /// A transport to `endpoint` that waits at most `timeout` seconds per request.
    public init(endpoint: URL, timeout: TimeInterval = 1) {
        self.endpoint = endpoint
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.urlCache = nil
        self.session = URLSession(configuration: configuration)
    }

    /// The transport `environment` asks for: `nil` when `AWS_EC2_METADATA_DISABLED` is
    /// `true`, else to `AWS_EC2_METADATA_SERVICE_ENDPOINT` or the link-local default.
    public init?(environment: [String: String]) {
        guard environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() != "true" else { return nil }
        let address = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
        guard let endpoint = URL(string: address ?? "http://169.254.169.254") else { return nil }
        self.init(endpoint: endpoint)
    }

    /// Sends `request` to the endpoint.
    public func send(_ request: MetadataRequest) async throws(AWSError) -> MetadataResponse {
        var root = endpoint.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        guard let url = URL(string: root + request.path) else {
            throw AWSError(.invalidRequest, "instance metadata path \(request.path) does not form a URL")
        }
        var urlRequest = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                throw AWSError(.metadataUnavailable, "instance metadata at \(root) did not answer over HTTP")
            }
            return MetadataResponse(status: http.statusCode, body: Array(data))
        } catch let error as AWSError {
            throw error
        } catch let error as URLError where error.code == .timedOut {
            throw AWSError(.metadataUnavailable, "instance metadata at \(root) did not answer within \(timeout) s")
        } catch {
            throw AWSError(.metadataUnavailable, "instance metadata at \(root) did not answer: \(error.localizedDescription)")
        }
    }
}
