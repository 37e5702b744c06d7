import Foundation
import Testing
import TocsinAWS

@Suite("SigV4Signer")
struct SigV4SignerTests {
    static let example = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    )
    /// 2015-08-30T12:36:00Z, the date of AWS's documented example.
    static let exampleDate = Date(timeIntervalSince1970: 1_440_938_160)

    @Test("AWS's documented IAM ListUsers example gives its published signature")
    func documentedExample() throws {
        let request = SignableRequest(
            method: "GET", host: "iam.amazonaws.com",
            query: [.init("Action", "ListUsers"), .init("Version", "2010-05-08")],
            headers: [.init("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        )
        let signer = SigV4Signer(service: "iam", region: "us-east-1")
        let signed = signer.sign(request, credentials: Self.example, date: Self.exampleDate)
        #expect(signed.amzDate == "20150830T123600Z")
        #expect(signed.securityToken == nil && signed.contentSHA256 == nil)
        #expect(
            signed.authorization
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
        )
        #expect(
            signer.stringToSign(for: request, credentials: Self.example, date: Self.exampleDate)
                == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
                + "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59"
        )
    }

    @Test("S3 sends the body hash and signs the path as sent; others encode it twice")
    func s3Rules() throws {
        let body = Array("hello".utf8)
        let request = SignableRequest(method: "PUT", host: "bucket.s3.amazonaws.com", path: "/a b//c", payload: .bytes(body))
        let s3 = SigV4Signer(service: "s3", region: "us-east-1")
        let signed = s3.sign(request, credentials: Self.example, date: Self.exampleDate)
        #expect(signed.contentSHA256 == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(s3.canonicalRequest(for: request, credentials: Self.example, date: Self.exampleDate).hasPrefix("PUT\n/a%20b//c\n"))
        let logs = SigV4Signer(service: "logs", region: "us-east-1")
        #expect(logs.sign(request, credentials: Self.example, date: Self.exampleDate).contentSHA256 == nil)
        #expect(logs.canonicalRequest(for: request, credentials: Self.example, date: Self.exampleDate).hasPrefix("PUT\n/a%2520b/c\n"))
        var streamed = request
        streamed.payload = .unsigned
        let unsigned = s3.sign(streamed, credentials: Self.example, date: Self.exampleDate)
        #expect(unsigned.contentSHA256 == "UNSIGNED-PAYLOAD")
        #expect(s3.canonicalRequest(for: streamed, credentials: Self.example, date: Self.exampleDate).hasSuffix("\nUNSIGNED-PAYLOAD"))
    }

    @Test("a session token is sent and signed, and stale signing headers are replaced")
    func tokenAndStaleHeaders() {
        let credentials = AWSCredentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "token/+=")
        let request = SignableRequest(
            method: "POST", host: "sts.amazonaws.com",
            headers: [.init("authorization", "old"), .init("X-Amz-Date", "19700101T000000Z"), .init("x-amz-security-token", "old")]
        )
        let signer = SigV4Signer(service: "sts", region: "us-east-1")
        let signed = signer.sign(request, credentials: credentials, date: Self.exampleDate)
        #expect(signed.securityToken == "token/+=")
        #expect(signed.authorization.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"))
        let canonical = signer.canonicalRequest(for: request, credentials: credentials, date: Self.exampleDate)
        #expect(canonical.contains("x-amz-security-token:token/+=\n"))
        #expect(!canonical.contains("old") && !canonical.contains("19700101"))
        #expect(signed.all.map(\.name) == ["X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
    }

    @Test("the same input always gives the same signature, and any change gives another")
    func sensitivity() {
        let signer = SigV4Signer(service: "monitoring", region: "eu-west-1")
        let request = SignableRequest(method: "GET", host: "monitoring.eu-west-1.amazonaws.com", query: [.init("a", "1")])
        let base = signer.sign(request, credentials: Self.example, date: Self.exampleDate).authorization
        #expect(signer.sign(request, credentials: Self.example, date: Self.exampleDate).authorization == base)
        var changed = request
        changed.query = [.init("a", "2")]
        let otherSecret = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "other")
        let variants = [
            signer.sign(changed, credentials: Self.example, date: Self.exampleDate).authorization,
            signer.sign(request, credentials: otherSecret, date: Self.exampleDate).authorization,
            signer.sign(request, credentials: Self.example, date: Self.exampleDate + 1).authorization,
            SigV4Signer(service: "monitoring", region: "us-east-1")
                .sign(request, credentials: Self.example, date: Self.exampleDate).authorization,
        ]
        #expect(Set(variants + [base]).count == 5)
    }
}
