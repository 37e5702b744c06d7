import Foundation
import Synchronization
import Testing

@Suite("tocsin serve durability")
struct ServeDurabilityTests {
    /// Batch `index`: 200 points over 4 series, new timestamps each batch.
    static func batch(_ index: Int) -> String {
        var points: [String] = []
        for series in 0..<4 {
            for step in 0..<50 {
                let time = 1_760_000_000 + (index * 50 + step) * 60
                points.append(#"{"series":"load","labels":{"instance":"i-\#(series)"},"timestamp":\#(time),"value":\#(Double(step % 9))}"#)
            }
        }
        return #"{"points":[\#(points.joined(separator: ","))]}"#
    }

    @Test("every acknowledged point survives SIGKILL during ingest")
    func survivesKill() async throws {
        let folder = try TemporaryFolder()
        let store = "sqlite:" + folder.url.appendingPathComponent("tocsin.sqlite").path
        let arguments = ["--store", store, "--detector", "windowed-gaussian"]
        let server = try ServerProcess(arguments: arguments)
        // The kill comes once 20 batches are acknowledged (however loaded the machine is),
        // while the four writers keep posting.
        let acknowledgedSoFar = Counter()
        let acknowledged = await withTaskGroup(of: [Int].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var mine: [Int] = []
                    for round in 0..<10_000 {
                        let index = round * 4 + worker
                        let status = await server.post("/v1/points", json: Self.batch(index))
                        if status == 202 {
                            mine.append(index)
                            acknowledgedSoFar.increment()
                        } else if status == 0 {
                            break
                        }
                    }
                    return mine
                }
            }
            group.addTask {
                let deadline = ContinuousClock.now + .seconds(120)
                while acknowledgedSoFar.value < 20, ContinuousClock.now < deadline {
                    try? await Task.sleep(for: .milliseconds(20))
                }
                server.kill()
                return []
            }
            var all: [Int] = []
            for await part in group { all += part }
            return all
        }
        #expect(acknowledged.count > 10, "only \(acknowledged.count) batches were acknowledged before the kill")
        let restarted = try ServerProcess(arguments: arguments)
        defer { restarted.stop() }
        let series = try #require(try await restarted.get("/v1/series")["series"] as? [[String: Any]])
        var stored = Set<String>()
        for item in series {
            let id = try #require(item["id"] as? Int)
            let key = try #require(item["key"] as? String)
            let points = try await restarted.get("/v1/series/\(id)/points?from=0&limit=100000")["points"] as? [[String: Any]] ?? []
            for point in points { stored.insert("\(key)@\(point["timestamp"] as? String ?? "")") }
        }
        var missing = 0
        for index in acknowledged {
            for series in 0..<4 {
                for step in 0..<50 {
                    let time = Double(1_760_000_000 + (index * 50 + step) * 60)
                    let stamp = Self.iso(time)
                    if !stored.contains("load{instance=\"i-\(series)\"}@\(stamp)") { missing += 1 }
                }
            }
        }
        #expect(missing == 0, "\(missing) acknowledged points are missing after the restart")
    }

    static func iso(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}

/// A count shared by concurrent tasks.
private final class Counter: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    func increment() {
        count.withLock { $0 += 1 }
    }
}
