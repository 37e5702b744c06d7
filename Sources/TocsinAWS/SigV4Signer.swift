import Crypto
import Foundation

/// AWS Signature Version 4 (header form), as a pure function of the request, the
/// credentials and the date: no clock, no I/O.
///
/// The output matches botocore's `SigV4Auth`, and its `S3SigV4Auth` for `s3`, byte for byte.
/// `Authorization`, `X-Amz-Date`, `X-Amz-Security-Token` and `X-Amz-Content-SHA256` headers
/// already on the request are ignored: the signer sets its own. Where botocore differs:
/// it keeps a stale token header when the credentials have none (this signer drops it), it
/// takes the payload hash from an `X-Amz-Content-SHA256` header on non-S3 requests (here the
/// hash always comes from ``SignableRequest/payload``, sent when ``sendsContentHash``), and it
/// rewrites a `Date` header instead of adding `X-Amz-Date` (here `Date` is signed as given).
public struct SigV4Signer: Sendable, Hashable {
    /// The signing name of the service, such as `monitoring`, `logs` or `s3`.
    public var service: String
    /// The region, such as `eu-west-1`.
    public var region: String
    /// Whether the canonical URI is the normalized path encoded a second time (every service
    /// but S3, as botocore does) rather than the path exactly as sent (S3).
    public var encodesPathTwice: Bool
    /// Whether `X-Amz-Content-SHA256` is sent and signed (S3 requires it).
    public var sendsContentHash: Bool

    /// A signer for `service` in `region`, with S3's rules when `service` is `s3`.
    public init(service: String, region: String) {
        self.service = service
        self.region = region
        self.encodesPathTwice = service != "s3"
        self.sendsContentHash = service == "s3"
    }

    /// The headers that sign `request` with `credentials` at `date`.
    public func sign(_ request: SignableRequest, credentials: AWSCredentials, date: Date) -> SignedHeaders {
        let parts = signatureParts(request, credentials: credentials, date: date)
        let key = signingKey(secret: credentials.secretAccessKey, day: String(parts.amzDate.prefix(8)))
        let signature = Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(parts.stringToSign.utf8), using: key))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(parts.scope), "
            + "SignedHeaders=\(parts.canonical.signedHeaders), Signature=\(signature)"
        return SignedHeaders(
            authorization: authorization, amzDate: parts.amzDate,
            securityToken: credentials.sessionToken, contentSHA256: parts.contentSHA256
        )
    }

    /// The canonical request that ``sign(_:credentials:date:)`` signs, to debug a signature
    /// the service rejects.
    public func canonicalRequest(for request: SignableRequest, credentials: AWSCredentials, date: Date) -> String {
        signatureParts(request, credentials: credentials, date: date).canonical.text
    }

    /// The string to sign of ``sign(_:credentials:date:)``.
    public func stringToSign(for request: SignableRequest, credentials: AWSCredentials, date: Date) -> String {
        signatureParts(request, credentials: credentials, date: date).stringToSign
    }

    /// The lower-case names of the headers the signer sets itself.
    private static let ownedHeaderNames: Set<String> = [
        "authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256",
    ]

    private struct Parts {
        let amzDate: String
        let contentSHA256: String?
        let canonical: CanonicalRequest
        let scope: String
        let stringToSign: String
    }

    private func signatureParts(_ request: SignableRequest, credentials: AWSCredentials, date: Date) -> Parts {
        let amzDate = AMZDate.format(date)
        let payloadHash = switch request.payload {
        case .bytes(let body): Hex.sha256(body)
        case .precomputedHash(let hash): hash
        }
        let contentSHA256 = sendsContentHash ? payloadHash : nil
        let headers = request.headers.filter { !Self.ownedHeaderNames.contains($0.name.lowercased()) }
            + SignedHeaders.signing(amzDate: amzDate, securityToken: credentials.sessionToken, contentSHA256: contentSHA256)
        let canonical = CanonicalRequest(
            request: request, headers: headers, payloadHash: payloadHash, encodesPathTwice: encodesPathTwice
        )
        let scope = "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
        let stringToSign = "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n" + Hex.sha256(canonical.text.utf8)
        return Parts(amzDate: amzDate, contentSHA256: contentSHA256, canonical: canonical, scope: scope, stringToSign: stringToSign)
    }

    /// HMAC chain `AWS4` + secret → day → region → service → `aws4_request`.
    private func signingKey(secret: String, day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(secret)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }
}
