import Foundation
import Testing
import TocsinResponse

@Suite("Fingerprint")
struct FingerprintTests {
    /// An independent FNV-1a 64 as Prometheus' `labelSetToFingerprint` computes it: build the whole
    /// byte string first, then hash it with the published constants.
    static func reference(_ labels: [String: String]) -> UInt64 {
        var bytes: [UInt8] = []
        for (name, value) in labels.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }) {
            bytes += Array(name.utf8) + [255] + Array(value.utf8) + [255]
        }
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 1_099_511_628_211
        }
        return hash
    }

    static let labelSets: [[String: String]] = [
        [:],
        ["alertname": "LatencyAnomaly"],
        ["alertname": "LatencyAnomaly", "severity": "warning", "service": "checkout", "instance": "i-0abc"],
        ["series": "cpu{instance=\"i-1\",service=\"db\"}", "Zeta": "upper", "alpha": "lower", "_": ""],
        ["région": "Zürich ☃", "a": "\u{ff}"],
    ]

    @Test("matches an independent FNV-1a reference", arguments: labelSets)
    func matchesReference(labels: [String: String]) {
        #expect(Fingerprint(labels: labels).rawValue == Self.reference(labels))
    }

    @Test("matches Prometheus' published test vectors")
    func publishedVectors() {
        #expect(Fingerprint(labels: [:]).rawValue == 14_695_981_039_346_656_037)
        let labels = ["name": "garland, briggs", "fear": "love is not enough"]
        #expect(Fingerprint(labels: labels).rawValue == 5_799_056_148_416_392_346)
    }

    @Test("prints 16 lower-case hex digits and parses them back")
    func text() throws {
        #expect(Fingerprint(rawValue: 0xAB).description == "00000000000000ab")
        let fingerprint = Fingerprint(labels: ["alertname": "x"])
        #expect(fingerprint.description.count == 16)
        #expect(fingerprint.description == fingerprint.description.lowercased())
        #expect(Fingerprint(fingerprint.description) == fingerprint)
        #expect(Fingerprint("+0000000000000ab") == nil)
        #expect(Fingerprint("xyz") == nil)
    }

    @Test("encodes as text, also as a dictionary key")
    func coding() throws {
        let fingerprint = Fingerprint(labels: ["alertname": "x"])
        let json = String(decoding: try JSONEncoder().encode([fingerprint: 1]), as: UTF8.self)
        #expect(json == "{\"\(fingerprint)\":1}")
        #expect(try JSONDecoder().decode([Fingerprint: Int].self, from: Data(json.utf8)) == [fingerprint: 1])
    }

    @Test("severity is part of the fingerprint but not of the lineage")
    func lineage() {
        let warning = Alert.make(severity: .warning)
        let critical = Alert.make(severity: .critical)
        #expect(warning.fingerprint != critical.fingerprint)
        #expect(warning.lineage == critical.lineage)
        #expect(warning.labels["severity"] == "warning")
        #expect(critical.severity == .critical)
    }
}
