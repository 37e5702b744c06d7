import Foundation
import Testing

/// The demo end to end, as the README runs it: the built binary serves the synthetic
/// cloud, detects live, and its scorecard must show every injected incident caught and
/// no alert during the heavy-but-normal load periods.
@Suite("tocsin demo")
struct DemoCommandTests {
    struct Scorecard: Decodable {
        struct Injected: Decodable {
            let kind: String
            let detectedBy: Int64?
        }

        struct FalseAlarm: Decodable {
            let duringHeavyLoad: Bool
        }

        let injected: [Injected]
        let falseAlarms: [FalseAlarm]
        let recall: Double
        let precision: Double
        let heavyLoadPeriods: Int
        let alertsDuringHeavyLoad: Int
        let meanTicksToDetect: Double?
        let remediation: [Remediation]

        struct Remediation: Decodable {
            let policy: String
            let target: String
            let due: Bool
        }
    }

    @Test("catches every injected incident and stays quiet under heavy load", arguments: [UInt64(1), 3])
    func scorecard(seed: UInt64) throws {
        let outcome = try CLIProcess.run(["demo", "--duration", "8", "--seed", String(seed), "--port", "0", "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let last = try #require(outcome.standardOutput.split(separator: "\n").last)
        let card = try JSONDecoder().decode(Scorecard.self, from: Data(last.utf8))
        #expect(card.injected.count == 5)
        #expect(Set(card.injected.map(\.kind)).count == 5, "one incident of each kind")
        #expect(card.recall == 1, "missed: \(card.injected.filter { $0.detectedBy == nil }.map(\.kind))")
        #expect(card.heavyLoadPeriods >= 1)
        #expect(card.alertsDuringHeavyLoad == 0)
        #expect(card.falseAlarms.isEmpty)
        #expect(card.precision == 1)
        #expect((card.meanTicksToDetect ?? .infinity) < 10)
        #expect(outcome.standardOutput.contains("INCIDENT #1"))
        // Incidents become alerts, printed by the console receiver; the error storm's critical logs escalate its alert.
        #expect(outcome.standardOutput.components(separatedBy: "ALERT [FIRING").count - 1 >= 3)
        #expect(outcome.standardError.contains("critical log entries around it, escalated to critical"))
        // The CPU spike and the memory leak each get a dry-run reboot of their instance, logged.
        #expect(card.remediation.filter(\.due).map(\.policy).sorted() == ["memory-leak", "runaway-cpu"])
        #expect(outcome.standardError.contains("REMEDIATION (dry run) policy runaway-cpu: would reboot instance"))
    }
}
