/// The headers a SigV4 signature adds to a request.
public struct SignedHeaders: Sendable, Hashable {
    /// The `Authorization` header value: `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`.
    public let authorization: String
    /// The `X-Amz-Date` header value, `YYYYMMDDTHHMMSSZ`.
    public let amzDate: String
    /// The `X-Amz-Security-Token` header value, present with temporary credentials.
    public let securityToken: String?
    /// The `X-Amz-Content-SHA256` header value, present for services that want it (S3).
    public let contentSHA256: String?

    /// Creates the signed headers.
    init(authorization: String, amzDate: String, securityToken: String?, contentSHA256: String?) {
        self.authorization = authorization
        self.amzDate = amzDate
        self.securityToken = securityToken
        self.contentSHA256 = contentSHA256
    }

    /// The headers to send, besides the request's own: the ones the signature covers, in the
    /// order the signer added them, then `Authorization`.
    public var all: [SignableRequest.Header] {
        Self.signing(amzDate: amzDate, securityToken: securityToken, contentSHA256: contentSHA256)
            + [SignableRequest.Header("Authorization", authorization)]
    }

    /// The headers the signer adds before computing the signature, in this order.
    static func signing(amzDate: String, securityToken: String?, contentSHA256: String?) -> [SignableRequest.Header] {
        var headers = [SignableRequest.Header("X-Amz-Date", amzDate)]
        if let securityToken { headers.append(SignableRequest.Header("X-Amz-Security-Token", securityToken)) }
        if let contentSHA256 { headers.append(SignableRequest.Header("X-Amz-Content-SHA256", contentSHA256)) }
        return headers
    }
}
