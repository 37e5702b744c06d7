import Foundation
import Testing
import TocsinCore
import TocsinStore

@Suite("Logs")
struct LogTests {
    static let records = [
        LogRecord(timestamp: Fixture.at(0), service: "checkout", instance: "i-1", level: .info, message: "started",
                  fields: ["version": "1.2", "path": "/a/b"]),
        LogRecord(timestamp: Fixture.at(10), service: "checkout", instance: "i-2", level: .warning, message: "slow"),
        LogRecord(timestamp: Fixture.at(20), service: "search", instance: "i-1", level: .error, message: "failed",
                  fields: ["user": "ana", "source_ip": "10.0.0.1"]),
        LogRecord(timestamp: Fixture.at(30), service: "checkout", instance: "i-1", level: .critical, message: "down"),
        LogRecord(timestamp: Fixture.at(30), service: "checkout", instance: "i-1", level: .debug, message: "same time, later"),
        LogRecord(timestamp: Fixture.at(40), service: "checkout", instance: "i-1", level: .info, message: "outside"),
    ]

    @Test("logs are filtered by time, service and instance, oldest first", arguments: Backend.allCases)
    func filters(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            // Stored in two calls, the second out of time order.
            try await store.appendLogs(Array(Self.records[3...]))
            try await store.appendLogs(Array(Self.records[..<3]))
            try await store.appendLogs([])
            let r = Self.records
            let all = try await store.logs(from: Fixture.at(0), to: Fixture.at(40), service: nil, instance: nil, limit: 100)
            #expect(all == [r[0], r[1], r[2], r[3], r[4]])
            #expect(try await store.logs(from: Fixture.at(0), to: Fixture.at(100), service: "checkout", instance: nil, limit: 100)
                == [r[0], r[1], r[3], r[4], r[5]])
            #expect(try await store.logs(from: Fixture.at(0), to: Fixture.at(100), service: nil, instance: "i-1", limit: 100)
                == [r[0], r[2], r[3], r[4], r[5]])
            #expect(try await store.logs(from: Fixture.at(5), to: Fixture.at(35), service: "checkout", instance: "i-1", limit: 100)
                == [r[3], r[4]])
            #expect(try await store.logs(from: Fixture.at(0), to: Fixture.at(100), service: nil, instance: nil, limit: 2)
                == [r[0], r[1]])
            #expect(try await store.logs(from: Fixture.at(0), to: Fixture.at(100), service: "billing", instance: nil, limit: 10)
                .isEmpty)
        }
    }
}
