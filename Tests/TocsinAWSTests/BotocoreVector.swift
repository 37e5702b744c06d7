import Foundation
import TocsinAWS
import TocsinTestServers

/// One request signed by botocore, as `Support/sigv4_vectors.py` prints it.
struct BotocoreVector: Decodable {
    let name: String
    let service: String
    let region: String
    let method: String
    let endpoint: String
    let path: String
    let query: [[String]]
    let headers: [[String]]
    let bodyBase64: String?
    let payloadHash: String?
    let contentSHA256Header: Bool
    let accessKeyID: String
    let secretAccessKey: String
    let sessionToken: String?
    let epochSeconds: Double
    let url: String
    let canonicalRequest: String
    let expected: [String: String]

    enum CodingKeys: String, CodingKey {
        case name, service, region, method, endpoint, path, query, headers, url, expected
        case bodyBase64 = "body_base64", payloadHash = "payload_hash"
        case contentSHA256Header = "content_sha256_header", accessKeyID = "access_key_id"
        case secretAccessKey = "secret_access_key", sessionToken = "session_token"
        case epochSeconds = "epoch_seconds", canonicalRequest = "canonical_request"
    }

    /// The whole output of the script.
    struct File: Decodable {
        let seed: Int
        let vectors: [BotocoreVector]
    }

    /// Runs the generator and decodes its output.
    static func generate() throws -> [BotocoreVector] {
        try JSONDecoder().decode(File.self, from: PythonScript.output("sigv4_vectors.py")).vectors
    }

    /// The vector's request as TocsinAWS takes it.
    func request() throws -> SignableRequest {
        let payload: SignableRequest.Payload
        if let payloadHash {
            payload = .precomputedHash(payloadHash)
        } else {
            payload = .bytes(Array(Data(base64Encoded: bodyBase64 ?? "") ?? Data()))
        }
        guard let endpointURL = URL(string: endpoint) else { throw PythonScript.Failure(description: "bad endpoint \(endpoint)") }
        return try SignableRequest(
            method: method, endpoint: endpointURL, path: path,
            query: query.map { SignableRequest.QueryItem($0[0], $0[1]) },
            headers: headers.map { SignableRequest.Header($0[0], $0[1]) },
            payload: payload
        )
    }

    /// The vector's signer, credentials and date.
    var signer: SigV4Signer {
        var signer = SigV4Signer(service: service, region: region)
        signer.sendsContentHash = contentSHA256Header
        return signer
    }

    var credentials: AWSCredentials {
        AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
    }

    var date: Date { Date(timeIntervalSince1970: epochSeconds) }
}
