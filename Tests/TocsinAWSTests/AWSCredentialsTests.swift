import Foundation
import Testing
import TocsinAWS

@Suite("AWSCredentials")
struct AWSCredentialsTests {
    @Test("no printed form shows the secret or the session token")
    func redaction() {
        let credentials = AWSCredentials(
            accessKeyID: "ASIAPRINTME", secretAccessKey: "SECRET-do-not-print", sessionToken: "TOKEN-do-not-print"
        )
        var dumped = ""
        dump(credentials, to: &dumped)
        let forms = [
            credentials.description, credentials.debugDescription, "\(credentials)",
            String(reflecting: credentials), String(describing: [credentials]), dumped,
        ]
        for form in forms {
            #expect(form.contains("ASIAPRINTME"), "\(form)")
            #expect(!form.contains("do-not-print"), "\(form)")
        }
        #expect(credentials.description.contains("session token redacted"))
    }
}
