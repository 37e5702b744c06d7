import Foundation
import TocsinAWS

/// A transport that keeps every request it is given and answers through `answer`: another
/// transport, or canned answers.
public actor RecordingHTTPTransport: AWSHTTPTransport {
    public typealias Answer = @Sendable (AWSHTTPRequest, Int) async throws(AWSError) -> AWSHTTPResponse

    private let answer: Answer
    /// The requests sent so far, in order.
    public private(set) var sent: [AWSHTTPRequest] = []

    /// Answers with `answer(request, index)`, `index` counting requests from 0.
    public init(answer: @escaping Answer) {
        self.answer = answer
    }

    /// Passes every request on to `inner`.
    public init(forwardingTo inner: any AWSHTTPTransport) {
        self.init { (request, _) throws(AWSError) in try await inner.send(request) }
    }

    public func send(_ request: AWSHTTPRequest) async throws(AWSError) -> AWSHTTPResponse {
        sent.append(request)
        return try await answer(request, sent.count - 1)
    }

    /// The operations sent: the `Action` of query requests, the `X-Amz-Target` operation of JSON ones.
    public var operations: [String] {
        sent.map { request in
            if let target = request.header("X-Amz-Target") { return String(target.split(separator: ".").last ?? "") }
            return Self.form(request)["Action"] ?? ""
        }
    }

    /// The decoded form fields of a query request's body.
    public static func form(_ request: AWSHTTPRequest) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).removingPercentEncoding ?? String($0)
            }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }
}
