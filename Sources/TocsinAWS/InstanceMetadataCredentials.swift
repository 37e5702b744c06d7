import Foundation

/// The instance role's credentials from the EC2 instance metadata service, IMDSv2 only.
///
/// A session token comes from `PUT /latest/api/token`; with it, the role name from
/// `GET /latest/meta-data/iam/security-credentials/` and then the role's keys from
/// `GET /latest/meta-data/iam/security-credentials/ROLE`.
public struct InstanceMetadataCredentials: Sendable {
    /// How requests reach the service.
    public let transport: any MetadataTransport
    /// How long the session token asked for lives, in seconds (1 to 21600).
    public let tokenLifetime: Int

    /// A fetcher using `transport`.
    public init(transport: any MetadataTransport, tokenLifetime: Int = 21_600) {
        self.transport = transport
        self.tokenLifetime = tokenLifetime
    }

    /// Fetches the role's current credentials.
    ///
    /// Throws ``AWSError/Code/metadataUnavailable`` when the service does not answer or has no
    /// role, and ``AWSError/Code/invalidMetadataResponse`` when its answer is not credentials.
    public func fetch() async throws(AWSError) -> AWSCredentials {
        let token = try await text(MetadataRequest(
            method: "PUT", path: "/latest/api/token",
            headers: ["X-aws-ec2-metadata-token-ttl-seconds": String(tokenLifetime)]
        ))
        let tokenHeader = ["X-aws-ec2-metadata-token": token]
        let roles = try await text(MetadataRequest(method: "GET", path: Self.rolesPath, headers: tokenHeader))
        guard let role = roles.split(whereSeparator: \.isNewline).first.map(String.init), !role.isEmpty else {
            throw AWSError(.metadataUnavailable, "the instance has no IAM role")
        }
        let document = try await text(MetadataRequest(method: "GET", path: Self.rolesPath + role, headers: tokenHeader))
        return try Self.credentials(fromDocument: document)
    }

    private static let rolesPath = "/latest/meta-data/iam/security-credentials/"

    /// The body of a 200 answer to `request`.
    private func text(_ request: MetadataRequest) async throws(AWSError) -> String {
        let response = try await transport.send(request)
        guard response.status == 200 else {
            throw AWSError(.metadataUnavailable, "instance metadata \(request.method) \(request.path) answered \(response.status)")
        }
        return String(decoding: response.body, as: UTF8.self).trimmingSpaces()
    }

    /// The role credentials document, as the service writes it.
    private struct Document: Decodable {
        let code: String?
        let accessKeyID: String?
        let secretAccessKey: String?
        let token: String?
        let expiration: String?

        enum CodingKeys: String, CodingKey {
            case code = "Code", accessKeyID = "AccessKeyId", secretAccessKey = "SecretAccessKey"
            case token = "Token", expiration = "Expiration"
        }
    }

    /// Credentials from a role credentials document.
    static func credentials(fromDocument text: String) throws(AWSError) -> AWSCredentials {
        let invalid = AWSError(.invalidMetadataResponse, "instance metadata role credentials are not valid JSON credentials")
        guard let document = try? JSONDecoder().decode(Document.self, from: Data(text.utf8)) else { throw invalid }
        guard document.code == nil || document.code == "Success" else {
            throw AWSError(.invalidMetadataResponse, "instance metadata role credentials have Code \(document.code ?? "")")
        }
        guard let accessKeyID = document.accessKeyID, let secret = document.secretAccessKey,
              let token = document.token, let expiration = document.expiration.flatMap(AMZDate.parseISO8601)
        else { throw invalid }
        return AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: token, expiration: expiration)
    }
}
