import Foundation
import Testing
@testable import TocsinServer

@Suite("Point body parser")
struct PointBodyParserTests {
    static func parse(_ text: String, ndjson: Bool = false) throws -> [PointPayload] {
        try parse(bytes: Array(text.utf8), ndjson: ndjson)
    }

    static func parse(bytes: [UInt8], ndjson: Bool) throws -> [PointPayload] {
        try bytes.withUnsafeBytes { raw in try PointBodyParser.parse(raw, ndjson: ndjson) }
    }

    static func failure(_ text: String, ndjson: Bool = false) -> APIError? {
        failure(bytes: Array(text.utf8), ndjson: ndjson)
    }

    static func failure(bytes: [UInt8], ndjson: Bool) -> APIError? {
        do {
            _ = try parse(bytes: bytes, ndjson: ndjson)
            return nil
        } catch {
            return error as? APIError
        }
    }

    @Test("reads points with labels, escapes, unicode, both timestamp forms and unknown keys")
    func readsPoints() throws {
        let points = try Self.parse(#"""
        { "points" : [
          {"series":"cpu","labels":{"instance":"i-\"1\"","zone":"caf\u00e9 \ud83d\ude00"},"timestamp":1760000000.5,"value":-1.25e2,"extra":[1,{"a":null}]},
          {"value":0,"timestamp":"2026-11-21T10:00:00Z","series":"mem","labels":null}
        ], "meta": {"ignored": true} }
        """#)
        #expect(points.count == 2)
        #expect(points[0].series == "cpu")
        #expect(points[0].labels == ["instance": "i-\"1\"", "zone": "café 😀"])
        #expect(points[0].timestamp.date == Date(timeIntervalSince1970: 1_760_000_000.5))
        #expect(points[0].value == -125)
        #expect(points[1].labels == nil && points[1].value == 0)
        #expect(points[1].timestamp.date == Date(timeIntervalSince1970: 1_795_255_200))
    }

    @Test("agrees with JSONSerialization on the numbers it accepts", arguments: ["0", "-0", "12", "1.5", "1e3", "1E-3", "-2.5e+10", "123456789.123456789"])
    func numbers(text: String) throws {
        let points = try Self.parse(#"{"points":[{"series":"x","timestamp":1,"value":\#(text)}]}"#)
        let reference = try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [NSNumber]
        #expect(points[0].value == reference?.first?.doubleValue)
    }

    @Test("text that is not JSON is a 400 malformed_json", arguments: [
        #"{"points":[{"series":"x","timestamp":1,"value":1},]}"#, #"{"points":[{"series":"x,"timestamp":1,"value":1}]}"#,
        #"{"points":[{"series":"x","timestamp":1,"value":01}]}"#, #"{"points":[{"series":"x","timestamp":1,"value":1.}]}"#,
        #"{"points":[{"series":"\q","timestamp":1,"value":1}]}"#, #"{"points":[]} trailing"#, "", "{",
        #"{"points":[{"series":"\ud800","timestamp":1,"value":1}]}"#, #"{"points":[{"series":"x","timestamp":1,"value":NaN}]}"#,
    ])
    func malformed(text: String) {
        let error = Self.failure(text)
        #expect(error?.status == .badRequest && error?.code == "malformed_json", "\(text): \(String(describing: error))")
    }

    @Test("invalid UTF-8 is malformed")
    func invalidUTF8() {
        var bytes = Array(#"{"points":[{"series":""#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#"","timestamp":1,"value":1}]}"#.utf8)
        #expect(Self.failure(bytes: bytes, ndjson: false)?.code == "malformed_json")
    }

    @Test("wrong shapes are 422s naming the field")
    func wrongShapes() {
        let cases: [(String, String, String)] = [
            (#"[]"#, "invalid_type", "points"),
            (#"{"data":[]}"#, "missing_field", "points"),
            (#"{"points":{}}"#, "invalid_type", "points"),
            (#"{"points":[1]}"#, "invalid_type", "points[0]"),
            (#"{"points":[{"timestamp":1,"value":1}]}"#, "missing_field", "points[0].series"),
            (#"{"points":[{"series":"x","value":1}]}"#, "missing_field", "points[0].timestamp"),
            (#"{"points":[{"series":"x","timestamp":1}]}"#, "missing_field", "points[0].value"),
            (#"{"points":[{"series":"x","timestamp":1,"value":"1"}]}"#, "invalid_type", "points[0].value"),
            (#"{"points":[{"series":"x","timestamp":1,"value":1},{"series":"x","timestamp":2,"value":null}]}"#, "invalid_type", "points[1].value"),
            (#"{"points":[{"series":7,"timestamp":1,"value":1}]}"#, "invalid_type", "points[0].series"),
            (#"{"points":[{"series":"x","labels":{"a":1},"timestamp":1,"value":1}]}"#, "invalid_type", "points[0].labels.a"),
            (#"{"points":[{"series":"x","labels":[],"timestamp":1,"value":1}]}"#, "invalid_type", "points[0].labels"),
            (#"{"points":[{"series":"x","timestamp":"yesterday","value":1}]}"#, "invalid_value", "points[0].timestamp"),
            (#"{"points":[{"series":"x","timestamp":true,"value":1}]}"#, "invalid_type", "points[0].timestamp"),
        ]
        for (text, code, field) in cases {
            let error = Self.failure(text)
            #expect(error?.status == .unprocessableContent && error?.code == code && error?.field == field,
                    "\(text): \(String(describing: error))")
        }
        #expect(Self.failure(#"{"points":[{"series":"x","timestamp":1,"value":null}]}"#)?.message.hasSuffix("not null") == true)
    }

    @Test("NDJSON: one point per line, blank lines skipped, errors name the line")
    func ndjson() throws {
        let text = "{\"series\":\"a\",\"timestamp\":1,\"value\":1}\r\n\n  \n{\"series\":\"b\",\"timestamp\":2,\"value\":2}"
        #expect(try Self.parse(text, ndjson: true).map(\.series) == ["a", "b"])
        let broken = Self.failure("{\"series\":\"a\",\"timestamp\":1,\"value\":1}\n{\"series\":\"b\",", ndjson: true)
        #expect(broken?.code == "malformed_json" && broken?.field == "line 2")
        let missing = Self.failure("{\"series\":\"a\",\"timestamp\":1,\"value\":1}\n\n{\"series\":\"b\",\"timestamp\":1}", ndjson: true)
        #expect(missing?.code == "missing_field" && missing?.field == "line 3.value")
    }
}
