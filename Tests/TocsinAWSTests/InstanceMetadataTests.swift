import Foundation
import Testing
import TocsinAWS

/// A transport answering from a table, recording what it was sent.
actor ScriptedTransport: MetadataTransport {
    private let answers: [String: MetadataResponse]
    private(set) var sent: [MetadataRequest] = []

    init(_ answers: [String: MetadataResponse]) {
        self.answers = answers
    }

    func send(_ request: MetadataRequest) async throws(AWSError) -> MetadataResponse {
        sent.append(request)
        return answers["\(request.method) \(request.path)"] ?? MetadataResponse(status: 404, body: [])
    }
}

@Suite("InstanceMetadataCredentials")
struct InstanceMetadataTests {
    static let tokenAnswer = MetadataResponse(status: 200, body: Array("tok\n".utf8))

    static func answers(document: String) -> [String: MetadataResponse] {
        [
            "PUT /latest/api/token": tokenAnswer,
            "GET /latest/meta-data/iam/security-credentials/": MetadataResponse(status: 200, body: Array("role\nother\n".utf8)),
            "GET /latest/meta-data/iam/security-credentials/role": MetadataResponse(status: 200, body: Array(document.utf8)),
        ]
    }

    @Test("the token is asked with a TTL and sent on every read; the first role is used")
    func protocolSteps() async throws {
        let document = #"{"Code":"Success","AccessKeyId":"ASIAX","SecretAccessKey":"s","Token":"t","Expiration":"2030-01-02T03:04:05Z"}"#
        let transport = ScriptedTransport(Self.answers(document: document))
        let credentials = try await InstanceMetadataCredentials(transport: transport, tokenLifetime: 600).fetch()
        #expect(credentials.accessKeyID == "ASIAX" && credentials.sessionToken == "t")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_893_553_445))
        let sent = await transport.sent
        #expect(sent.map(\.method) == ["PUT", "GET", "GET"])
        #expect(sent[0].headers == ["X-aws-ec2-metadata-token-ttl-seconds": "600"])
        #expect(sent.dropFirst().allSatisfy { $0.headers == ["X-aws-ec2-metadata-token": "tok"] })
        #expect(sent[2].path == "/latest/meta-data/iam/security-credentials/role")
    }

    @Test("error answers and documents that are not credentials are reported without secrets")
    func badAnswers() async throws {
        let failed = #"{"Code":"AssumeRoleUnauthorizedAccess","Message":"x"}"#
        let partial = #"{"Code":"Success","AccessKeyId":"ASIAX","SecretAccessKey":"SECRETVALUE"}"#
        for (document, code) in [(failed, AWSError.Code.invalidMetadataResponse), (partial, .invalidMetadataResponse), ("<html>", .invalidMetadataResponse)] {
            let transport = ScriptedTransport(Self.answers(document: document))
            let error = try await #require(throws: AWSError.self) { try await InstanceMetadataCredentials(transport: transport).fetch() }
            #expect(error.code == code)
            #expect(!error.description.contains("SECRETVALUE"))
        }
        let noRole = ScriptedTransport([
            "PUT /latest/api/token": Self.tokenAnswer,
            "GET /latest/meta-data/iam/security-credentials/": MetadataResponse(status: 200, body: Array("\n".utf8)),
        ])
        let error = try await #require(throws: AWSError.self) { try await InstanceMetadataCredentials(transport: noRole).fetch() }
        #expect(error.code == .metadataUnavailable)
        let refused = ScriptedTransport([:])
        let refusedError = try await #require(throws: AWSError.self) { try await InstanceMetadataCredentials(transport: refused).fetch() }
        #expect(refusedError.message.contains("404"))
    }

    @Test("the local IMDSv2 server refuses reads without a token, so the real exchange proves the token is sent")
    func serverRequiresToken() async throws {
        let server = try IMDSServer()
        let response = try await server.transport().send(MetadataRequest(method: "GET", path: "/latest/meta-data/iam/security-credentials/"))
        #expect(response.status == 401)
        let noTTL = try await server.transport().send(MetadataRequest(method: "PUT", path: "/latest/api/token"))
        #expect(noTTL.status == 400)
        let credentials = try await InstanceMetadataCredentials(transport: server.transport()).fetch()
        #expect(credentials.accessKeyID == "ASIAIMDS0001")
    }
}
