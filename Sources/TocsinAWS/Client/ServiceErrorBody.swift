/// The error a service describes in the body of a failed answer.
struct ServiceErrorBody: Sendable, Hashable {
    /// AWS's error code, such as `InvalidClientTokenId`.
    var code: String
    /// AWS's message, if any.
    var message: String?
    /// The request id the body names, if any.
    var requestID: String?
}

/// How a protocol writes errors: XML `<Error><Code>` (query protocol) or JSON `__type` (JSON protocols).
enum AWSErrorFormat: Sendable {
    /// `<ErrorResponse><Error><Code>…</Code><Message>…</Message></Error>`, or EC2's `<Response><Errors><Error>`.
    case xml
    /// `{"__type": "…#Code", "message": "…"}`, or the `X-Amzn-ErrorType` header.
    case json

    /// The ``AWSError/Code/serviceError`` that the failed `response` describes.
    func error(from response: AWSHTTPResponse) -> AWSError {
        let body: ServiceErrorBody? = switch self {
        case .xml: ServiceErrorBody(xml: response.body)
        case .json: ServiceErrorBody(json: response.body, errorTypeHeader: response.header("x-amzn-errortype"))
        }
        let requestID = body?.requestID ?? response.header("x-amzn-requestid") ?? response.header("x-amz-request-id")
        let idPart = requestID.map { " (request id \($0))" } ?? ""
        guard let body else {
            return AWSError(
                .serviceError,
                "HTTP \(response.status) without an AWS error code\(Self.excerpt(response.body))\(idPart)",
                httpStatus: response.status
            )
        }
        let messagePart = body.message.map { ": \($0)" } ?? ""
        return AWSError(
            .serviceError, "\(body.code) (HTTP \(response.status))\(messagePart)\(idPart)",
            serviceCode: body.code, httpStatus: response.status
        )
    }

    /// The start of `body` on one line, to show what came instead of an error document.
    private static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return text.isEmpty ? "" : ": \(text)"
    }
}
