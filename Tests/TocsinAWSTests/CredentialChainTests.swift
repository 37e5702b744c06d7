import Foundation
import Testing
import TocsinAWS

@Suite("AWSCredentialChain")
struct CredentialChainTests {
    /// A home folder with a default profile in ~/.aws/credentials.
    func home(withProfile: Bool) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        if withProfile {
            try folder.write(".aws/credentials", "[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = file-secret\n")
        }
        return folder
    }

    @Test("environment variables come before the shared files and the metadata service")
    func environmentFirst() async throws {
        let folder = try home(withProfile: true)
        let server = try IMDSServer()
        let chain = AWSCredentialChain(
            environment: [
                "HOME": folder.url.path, "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret",
                "AWS_SESSION_TOKEN": "env-token",
            ],
            metadata: server.transport()
        )
        let credentials = try await chain.credentials()
        #expect(credentials == AWSCredentials(accessKeyID: "AKIAENV", secretAccessKey: "env-secret", sessionToken: "env-token"))
    }

    @Test("the shared files come before the metadata service")
    func filesBeforeMetadata() async throws {
        let folder = try home(withProfile: true)
        let server = try IMDSServer()
        let chain = AWSCredentialChain(environment: ["HOME": folder.url.path], metadata: server.transport())
        #expect(try await chain.credentials().accessKeyID == "AKIAFILE")
    }

    @Test("half a key pair in the environment, or an unknown AWS_PROFILE, is an error, not a fall-through")
    func misconfiguration() async throws {
        let folder = try home(withProfile: true)
        let partial = AWSCredentialChain(
            environment: ["HOME": folder.url.path, "AWS_ACCESS_KEY_ID": "AKIAENV"], metadata: nil
        )
        let partialError = try await #require(throws: AWSError.self) { try await partial.credentials() }
        #expect(partialError.code == .partialCredentials)
        let unknown = AWSCredentialChain(environment: ["HOME": folder.url.path, "AWS_PROFILE": "nope"], metadata: nil)
        let unknownError = try await #require(throws: AWSError.self) { try await unknown.credentials() }
        #expect(unknownError.code == .profileNotFound && unknownError.message.contains("nope"))
    }

    @Test("without other sources the instance role comes from IMDSv2 and is cached until near expiry")
    func metadataCredentials() async throws {
        let folder = try home(withProfile: false)
        let server = try IMDSServer()
        let chain = AWSCredentialChain(environment: ["HOME": folder.url.path], metadata: server.transport())
        let first = try await chain.credentials()
        #expect(first.accessKeyID == "ASIAIMDS0001")
        #expect(first.secretAccessKey == "imds-secret-1" && first.sessionToken == "imds-token-1")
        let expiration = try #require(first.expiration)
        #expect(abs(expiration.timeIntervalSinceNow - 21_600) < 60)
        #expect(try await chain.credentials() == first, "six hours from expiry the credentials are reused")
    }

    @Test("credentials inside the refresh margin are fetched again")
    func refresh() async throws {
        let folder = try home(withProfile: false)
        let server = try IMDSServer(["--lifetime", "120"])
        let chain = AWSCredentialChain(environment: ["HOME": folder.url.path], metadata: server.transport(), refreshMargin: 300)
        #expect(try await chain.credentials().accessKeyID == "ASIAIMDS0001")
        #expect(try await chain.credentials().accessKeyID == "ASIAIMDS0002")
        let lenient = AWSCredentialChain(environment: ["HOME": folder.url.path], metadata: server.transport(), refreshMargin: 60)
        let kept = try await lenient.credentials()
        #expect(try await lenient.credentials() == kept)
    }

    @Test("concurrent callers share one lookup")
    func sharedLookup() async throws {
        let folder = try home(withProfile: false)
        let server = try IMDSServer()
        let chain = AWSCredentialChain(environment: ["HOME": folder.url.path], metadata: server.transport())
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await chain.credentials().accessKeyID } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys == ["ASIAIMDS0001"])
    }

    @Test("an absent or silent metadata service fails within about a second",
          .enabled(if: QuietPhase.enabled, "times a wall-clock bound: runs in the quiet phase of scripts/test"))
    func metadataAbsent() async throws {
        let folder = try home(withProfile: false)
        let silent = try IMDSServer(["--hang"])
        let transports = [
            URLSessionMetadataTransport(endpoint: URL(string: "http://127.0.0.1:1")!, timeout: 1),
            silent.transport(timeout: 1),
        ]
        for transport in transports {
            let chain = AWSCredentialChain(environment: ["HOME": folder.url.path], metadata: transport)
            let start = Date()
            let error = try await #require(throws: AWSError.self) { try await chain.credentials() }
            #expect(error.code == .missingCredentials)
            #expect(error.message.contains("instance metadata"))
            #expect(Date().timeIntervalSince(start) < 3, "\(transport.endpoint)")
        }
    }

    @Test("AWS_EC2_METADATA_DISABLED turns the metadata service off; its endpoint can be moved")
    func metadataSettings() async throws {
        #expect(URLSessionMetadataTransport(environment: ["AWS_EC2_METADATA_DISABLED": "TRUE"]) == nil)
        let moved = URLSessionMetadataTransport(environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9"])
        #expect(moved?.endpoint.absoluteString == "http://127.0.0.1:9")
        #expect(URLSessionMetadataTransport(environment: [:])?.endpoint.absoluteString == "http://169.254.169.254")
        let folder = try home(withProfile: false)
        let chain = AWSCredentialChain(environment: ["HOME": folder.url.path, "AWS_EC2_METADATA_DISABLED": "true"])
        let error = try await #require(throws: AWSError.self) { try await chain.credentials() }
        #expect(error.code == .missingCredentials && error.message.contains("disabled"))
    }
}
