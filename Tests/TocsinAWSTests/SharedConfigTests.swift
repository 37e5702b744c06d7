import Foundation
import Testing
@testable import TocsinAWS

@Suite("Shared config and credentials files")
struct SharedConfigTests {
    static let credentialsFile = """
        # long-term keys
        [default]
        aws_access_key_id = AKIADEFAULT
        aws_secret_access_key = secret/default+key

          ; indented comment
        [ work ]
          aws_access_key_id=AKIAWORK
        aws_secret_access_key   =   secret=with=equals#not-a-comment\t
        aws_session_token = token-work

        [profile shadow]
        aws_access_key_id = AKIASHADOW
        aws_secret_access_key = shadow
        """
    static let configFile = """
        [default]
        region = eu-west-1

        [profile work]
        region = ap-southeast-2
        s3 =
          region = us-west-2

        [profile config-only]
        aws_access_key_id = AKIACONFIG
        aws_secret_access_key = config-secret
        region: us-east-1

        [plain-name]
        aws_access_key_id = AKIAIGNORED
        aws_secret_access_key = ignored
        """

    func environment(_ folder: TemporaryDirectory, _ extra: [String: String] = [:]) throws -> [String: String] {
        try folder.write(".aws/credentials", Self.credentialsFile)
        try folder.write(".aws/config", Self.configFile)
        return ["HOME": folder.url.path].merging(extra) { $1 }
    }

    @Test("the default profile comes from ~/.aws/credentials, with comments and spaces ignored")
    func defaultProfile() throws {
        let folder = try TemporaryDirectory()
        let shared = try AWSSharedConfig.load(environment: environment(folder))
        #expect(shared.profile == "default" && !shared.profileIsExplicit)
        let credentials = try #require(try shared.credentials())
        #expect(credentials == AWSCredentials(accessKeyID: "AKIADEFAULT", secretAccessKey: "secret/default+key"))
        #expect(shared.region == "eu-west-1")
    }

    @Test("AWS_PROFILE selects [NAME] in credentials and [profile NAME] in config; values keep = and #")
    func namedProfile() throws {
        let folder = try TemporaryDirectory()
        let shared = try AWSSharedConfig.load(environment: environment(folder, ["AWS_PROFILE": "work"]))
        let credentials = try #require(try shared.credentials())
        #expect(credentials.accessKeyID == "AKIAWORK")
        #expect(credentials.secretAccessKey == "secret=with=equals#not-a-comment")
        #expect(credentials.sessionToken == "token-work")
        #expect(shared.region == "ap-southeast-2", "the indented region under s3 is nested, not the profile's")
    }

    @Test("keys in the config file count when the credentials file has none; [NAME] in config is not a profile")
    func configFileKeys() throws {
        let folder = try TemporaryDirectory()
        let fromConfig = try AWSSharedConfig.load(environment: environment(folder, ["AWS_PROFILE": "config-only"]))
        #expect(try fromConfig.credentials()?.accessKeyID == "AKIACONFIG")
        #expect(fromConfig.region == "us-east-1")
        let plain = try AWSSharedConfig.load(environment: environment(folder, ["AWS_PROFILE": "plain-name"]))
        #expect(throws: AWSError(.profileNotFound, "profile plain-name is in neither \(plain.credentialsPath) nor \(plain.configPath)")) {
            try plain.credentials()
        }
        let shadow = try AWSSharedConfig.load(environment: environment(folder, ["AWS_PROFILE": "shadow"]))
        let shadowError = try #require(throws: AWSError.self) { try shadow.credentials() }
        #expect(shadowError.code == .profileNotFound, "[profile NAME] in the credentials file is a literal name")
    }

    @Test("AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE move the files, with ~ expanded")
    func fileOverrides() throws {
        let folder = try TemporaryDirectory()
        try folder.write("elsewhere/creds", "[default]\naws_access_key_id = AKIAMOVED\naws_secret_access_key = moved\n")
        try folder.write("elsewhere/conf", "[profile default]\nregion = ca-central-1\n")
        let shared = try AWSSharedConfig.load(environment: environment(folder, [
            "AWS_SHARED_CREDENTIALS_FILE": "~/elsewhere/creds",
            "AWS_CONFIG_FILE": folder.url.appending(path: "elsewhere/conf").path,
        ]))
        #expect(try shared.credentials()?.accessKeyID == "AKIAMOVED")
        #expect(shared.region == "ca-central-1")
        #expect(shared.credentialsPath == folder.url.path + "/elsewhere/creds")
    }

    @Test("missing files are empty; a profile with half a key pair is an error")
    func missingAndPartial() throws {
        let empty = try TemporaryDirectory()
        let nothing = try AWSSharedConfig.load(environment: ["HOME": empty.url.path])
        #expect(try nothing.credentials() == nil)
        #expect(nothing.region == nil)
        try empty.write(".aws/credentials", "[default]\naws_access_key_id = AKIAHALF\n")
        let half = try AWSSharedConfig.load(environment: ["HOME": empty.url.path])
        let error = try #require(throws: AWSError.self) { try half.credentials() }
        #expect(error.code == .partialCredentials)
    }

    @Test("parse errors give the file and line, never the line's text")
    func parseErrors() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("bad", "aws_secret_access_key = TOPSECRET\n[default]\n")
        let early = try #require(throws: AWSError.self) { try INIFile(parsing: "aws_secret_access_key = TOPSECRET\n", path: path) }
        #expect(early.code == .invalidConfiguration)
        #expect(early.message.contains("\(path) line 1") && !early.message.contains("TOPSECRET"))
        let noDelimiter = try #require(throws: AWSError.self) {
            try INIFile(parsing: "[default]\r\n\r\nTOPSECRET-without-delimiter\r\n", path: path)
        }
        #expect(noDelimiter.message.contains("line 3") && !noDelimiter.message.contains("TOPSECRET"))
        let viaLoad = try #require(throws: AWSError.self) {
            try AWSSharedConfig.load(environment: ["HOME": folder.url.path, "AWS_CONFIG_FILE": path])
        }
        #expect(viaLoad.code == .invalidConfiguration && !viaLoad.description.contains("TOPSECRET"))
    }
}
