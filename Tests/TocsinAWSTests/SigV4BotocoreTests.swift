import Foundation
import Testing
import TocsinAWS

@Suite("SigV4 against botocore")
struct SigV4BotocoreTests {
    @Test("every botocore vector gives a byte-identical URL, canonical request and signed headers")
    func botocoreVectors() throws {
        let vectors = try BotocoreVector.generate()
        #expect(vectors.count >= 60)
        #expect(Set(vectors.map(\.service)) == ["monitoring", "logs", "ec2", "sns", "s3", "sts"])
        #expect(vectors.contains { $0.sessionToken != nil } && vectors.contains { $0.sessionToken == nil })
        for vector in vectors {
            let request = try vector.request()
            let signer = vector.signer
            let signed = signer.sign(request, credentials: vector.credentials, date: vector.date)
            let canonical = signer.canonicalRequest(for: request, credentials: vector.credentials, date: vector.date)
            let headers = Dictionary(uniqueKeysWithValues: signed.all.map { ($0.name, $0.value) })
            #expect(try request.url().absoluteString == vector.url, "\(vector.name)")
            #expect(canonical == vector.canonicalRequest, "\(vector.name)")
            #expect(signed.authorization == vector.expected["Authorization"], "\(vector.name)")
            #expect(headers == vector.expected, "\(vector.name)")
        }
    }
}
