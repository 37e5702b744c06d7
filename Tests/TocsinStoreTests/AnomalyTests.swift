import Foundation
import Testing
import TocsinCore
import TocsinStore

@Suite("Anomalies and incidents")
struct AnomalyTests {
    static func anomaly(_ key: SeriesKey, _ series: Int64, at seconds: Double, score: Double = 0.9) -> AnomalyRecord {
        AnomalyRecord(series: series, anomaly: Anomaly(series: key, timestamp: Fixture.at(seconds), value: seconds,
                                                       score: score, threshold: 0.5, detector: "iforest"))
    }

    static func incident(start: Double, service: String = "checkout") -> Incident {
        Incident(scope: ["service": service], start: Fixture.at(start), end: Fixture.at(start + 60), anomalyCount: 2,
                 maxScore: 0.95, series: [Fixture.cpu, Fixture.memory], status: .open)
    }

    @Test("anomalies get identifiers and are queried newest first", arguments: Backend.allCases)
    func appendAndQuery(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let ids = try await store.resolveSeries([Fixture.cpu, Fixture.memory], now: Fixture.at(0), limit: 10)
            let cpu = try #require(ids[Fixture.cpu]), memory = try #require(ids[Fixture.memory])
            let input = [
                Self.anomaly(Fixture.cpu, cpu, at: 10), Self.anomaly(Fixture.memory, memory, at: 30),
                Self.anomaly(Fixture.cpu, cpu, at: 20, score: 0.7),
            ]
            let stored = try await store.appendAnomalies(input)
            #expect(stored.count == 3)
            #expect(Set(stored.map(\.id)).count == 3)
            #expect(stored.allSatisfy { $0.id > 0 && $0.incident == nil })
            #expect(stored.map(\.anomaly) == input.map(\.anomaly))
            #expect(try await store.appendAnomalies([]).isEmpty)

            let all = try await store.anomalies(from: Fixture.at(0), to: Fixture.at(100), series: nil, limit: 10)
            #expect(all == [stored[1], stored[2], stored[0]])
            #expect(try await store.anomalies(from: Fixture.at(0), to: Fixture.at(100), series: cpu, limit: 10)
                == [stored[2], stored[0]])
            #expect(try await store.anomalies(from: Fixture.at(10), to: Fixture.at(30), series: nil, limit: 10)
                == [stored[2], stored[0]])
            #expect(try await store.anomalies(from: Fixture.at(0), to: Fixture.at(100), series: nil, limit: 1) == [stored[1]])
        }
    }

    @Test("incidents are inserted, updated, read and listed newest first", arguments: Backend.allCases)
    func incidents(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let first = try await store.saveIncident(Self.incident(start: 100))
            let second = try await store.saveIncident(Self.incident(start: 500, service: "search"))
            #expect(first > 0 && second > 0 && first != second)

            var expected = Self.incident(start: 100)
            expected.id = first
            #expect(try await store.incident(id: first) == expected)

            expected.end = Fixture.at(400)
            expected.anomalyCount = 7
            expected.maxScore = 1.5
            expected.series.append(Fixture.latency)
            expected.scope = ["service": "checkout", "instance": "i-1"]
            expected.status = .resolved
            #expect(try await store.saveIncident(expected) == first)
            #expect(try await store.incident(id: first) == expected)

            let listed = try await store.incidents(limit: 10)
            #expect(listed.map(\.id) == [second, first])
            #expect(try await store.incidents(limit: 1).map(\.id) == [second])
            #expect(try await store.incident(id: second + 100) == nil)

            var unknown = expected
            unknown.id = second + 100
            let error = await #expect(throws: StoreError.self) { try await store.saveIncident(unknown) }
            #expect(error?.kind == .notFound)
        }
    }

    @Test("anomalies are assigned to incidents and listed oldest first", arguments: Backend.allCases)
    func assignment(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let ids = try await store.resolveSeries([Fixture.cpu, Fixture.memory], now: Fixture.at(0), limit: 10)
            let cpu = try #require(ids[Fixture.cpu]), memory = try #require(ids[Fixture.memory])
            let incident = try await store.saveIncident(Self.incident(start: 0))
            let other = try await store.saveIncident(Self.incident(start: 50))

            var linked = Self.anomaly(Fixture.cpu, cpu, at: 40)
            linked.incident = other
            let stored = try await store.appendAnomalies([
                Self.anomaly(Fixture.memory, memory, at: 30), Self.anomaly(Fixture.cpu, cpu, at: 10), linked,
            ])
            #expect(stored[2].incident == other)
            #expect(try await store.anomalies(incident: other).map(\.id) == [stored[2].id])

            try await store.assign(anomalies: [stored[0].id, stored[1].id], to: incident)
            let members = try await store.anomalies(incident: incident)
            #expect(members.map(\.id) == [stored[1].id, stored[0].id])
            #expect(members.allSatisfy { $0.incident == incident })
            let recent = try await store.anomalies(from: Fixture.at(0), to: Fixture.at(100), series: nil, limit: 10)
            #expect(recent.map(\.incident) == [other, incident, incident])

            // Moving an anomaly takes it out of its earlier incident.
            try await store.assign(anomalies: [stored[0].id], to: other)
            #expect(try await store.anomalies(incident: incident).map(\.id) == [stored[1].id])
            #expect(try await store.anomalies(incident: other).map(\.id) == [stored[0].id, stored[2].id])

            // Unknown identifiers fail and change nothing.
            let missingAnomaly = await #expect(throws: StoreError.self) {
                try await store.assign(anomalies: [stored[1].id, stored[2].id + 100], to: other)
            }
            #expect(missingAnomaly?.kind == .notFound)
            #expect(try await store.anomalies(incident: incident).map(\.id) == [stored[1].id])
            let missingIncident = await #expect(throws: StoreError.self) {
                try await store.assign(anomalies: [stored[1].id], to: other + 100)
            }
            #expect(missingIncident?.kind == .notFound)
            #expect(try await store.anomalies(incident: other + 100).isEmpty)
        }
    }
}
