import Foundation
import Testing
import TocsinCore
import TocsinSources

@Suite("NDJSON and ground truth")
struct NDJSONTests {
    @Test("points and logs round-trip through JSONSerialization with the documented fields")
    func roundTrip() throws {
        let run = try SimulatedRun.seeded(1)
        let events = (0..<20).flatMap { run.cloud.tick($0, start: SimulatedRun.start) }
        let text = try NDJSON.encode(events)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == events.count)
        for (line, event) in zip(lines, events) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let timestamp = try #require(object["timestamp"] as? String)
            #expect(timestamp.hasSuffix("Z") && timestamp.contains("T"))
            let seconds = try #require(UTCTimestamp.parse(timestamp))
            switch event {
            case let .point(key, point):
                #expect(Set(object.keys) == ["type", "series", "labels", "timestamp", "value"])
                #expect(object["type"] as? String == "point")
                #expect(object["series"] as? String == key.name)
                #expect(object["labels"] as? [String: String] == Dictionary(uniqueKeysWithValues: key.labels.map { ($0.name, $0.value) }))
                #expect(object["value"] as? Double == point.value)
                #expect(seconds == point.timestamp.timeIntervalSince1970)
            case let .log(record):
                #expect(Set(object.keys) == ["type", "timestamp", "service", "instance", "level", "message", "fields"])
                #expect(object["type"] as? String == "log")
                #expect(object["service"] as? String == record.service)
                #expect(object["instance"] as? String == record.instance)
                #expect(object["level"] as? String == record.level.rawValue)
                #expect(object["message"] as? String == record.message)
                #expect(object["fields"] as? [String: String] == record.fields)
                #expect(abs(seconds - record.timestamp.timeIntervalSince1970) < 0.000_001)
            }
        }
    }

    @Test("a whole-second time is written without a fraction, in UTC")
    func timestamps() throws {
        let start = try #require(UTCTimestamp.parse("2026-11-21T10:00:00Z"))
        let key = SyntheticMetric.cpuUtilization.key(service: "api", instance: "api-1")
        let text = try NDJSON.encode([.point(key, Point(epochSeconds: start, value: 12.5))])
        #expect(text == #"{"labels":{"instance":"api-1","service":"api"},"series":"cpu_utilization","timestamp":"2026-11-21T10:00:00Z","type":"point","value":12.5}"# + "\n")
    }

    @Test("a value that is not finite cannot be encoded")
    func nonFinite() {
        let key = SyntheticMetric.cpuUtilization.key(service: "api", instance: "api-1")
        #expect(throws: EncodingError.self) { try NDJSON.encode([.point(key, Point(epochSeconds: 0, value: .nan))]) }
    }

    @Test("the ground truth round-trips and resolves times from the start")
    func groundTruth() throws {
        let run = try SimulatedRun.seeded(2)
        let truth = GroundTruth(cloud: run.cloud, start: SimulatedRun.start)
        let data = try truth.jsonData()
        #expect(try GroundTruth(jsonData: data) == truth)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["configuration", "start", "incidents", "normalHeavyLoad"])
        #expect(object["start"] as? String == "2026-11-21T00:00:00Z")
        let incidents = try #require(object["incidents"] as? [[String: Any]])
        #expect(incidents.count == run.cloud.incidents.count)
        let first = try #require(incidents.first)
        #expect(Set(first.keys) == ["id", "kind", "service", "instance", "startTick", "endTick", "start", "end", "series",
                                    "attributes"])
        for (entry, incident) in zip(truth.incidents, run.cloud.incidents) {
            #expect(entry.id == incident.id && entry.kind == incident.kind && entry.series == incident.series)
            #expect(entry.start == SimulatedRun.start.addingTimeInterval(Double(incident.startTick) * 60))
            #expect(entry.end == SimulatedRun.start.addingTimeInterval(Double(incident.endTick) * 60))
        }
        #expect(truth.normalHeavyLoad.map { $0.startTick...$0.endTick } == run.cloud.heavyLoadPeriods)
        #expect(truth.normalHeavyLoad.map(\.id) == ["heavy-load-1", "heavy-load-2"])
    }
}
