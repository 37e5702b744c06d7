import Foundation
import Testing
import TocsinCore
import TocsinDetect

@Suite("Default detector")
struct DefaultDetectorTests {
    static func make(probation: Int = 750, restPeriod: Int? = nil) throws -> DefaultDetector {
        var settings = DefaultDetector.Configuration()
        settings.restPeriod = restPeriod
        settings.trees = 20
        settings.sampleSize = 128
        settings.probation = probation
        return try DefaultDetector(configuration: settings)
    }

    /// Alarm indices: scores at or above the detector's threshold.
    static func alarms(_ detector: inout DefaultDetector, _ points: [Point]) -> [Int] {
        let scores = detector.processAll(points)
        return scores.indices.filter { scores[$0] >= detector.defaultThreshold }
    }

    /// Five-minute samples of a daily cycle with noise, `days` long, with `events` added.
    static func dailyCycle(days: Int, seed: UInt64, events: (Int, inout Double) -> Void = { _, _ in }) -> [Point] {
        var generator = SeededGenerator(seed: seed)
        return (0..<days * 288).map { index in
            var value = 50 + 10 * sin(2 * .pi * Double(index) / 288) + generator.nextGaussian(standardDeviation: 2)
            events(index, &value)
            return Point(epochSeconds: 1_700_000_000 + Double(index) * 300, value: value)
        }
    }

    /// Measured: 7 and 3 alarms over the 25 days after the fifth (the forest's
    /// likelihood alone gives 4 and 0); a regime check that forgot its regimes at every
    /// new high gave several a day.
    @Test("stays mostly quiet on a plain daily cycle once it has seen a few days")
    func quietOnCycle() throws {
        for seed: UInt64 in [21, 22] {
            var detector = try Self.make()
            let alarms = Self.alarms(&detector, Self.dailyCycle(days: 30, seed: seed))
            #expect(alarms.filter { $0 >= 5 * 288 }.count <= 8, "seed \(seed): alarms at \(alarms)")
        }
    }

    @Test("alarms on a spike, a level shift and a dip, soon after each (with a two-hour rest)")
    func catchesEvents() throws {
        let spike = 8 * 288 + 100, shift = 10 * 288 + 50, dip = 13 * 288 + 200
        let points = Self.dailyCycle(days: 15, seed: 23) { index, value in
            if index == spike { value += 40 }
            if (shift..<shift + 144).contains(index) { value += 25 }
            if (dip..<dip + 12).contains(index) { value -= 45 }
        }
        var detector = try Self.make(restPeriod: 24)
        let alarms = Self.alarms(&detector, points)
        for event in [spike, shift, dip] {
            #expect(alarms.contains { (event...event + 12).contains($0) }, "no alarm near \(event): \(alarms)")
        }
        let elsewhere = alarms.filter { index in index >= 5 * 288 && ![spike, shift, dip].contains { (0...200).contains(index - $0) } }
        #expect(elsewhere.count <= 5, "false alarms at \(elsewhere)")
    }

    @Test("a slow leak at low load is caught once it leaves the range seen")
    func slowLeak() throws {
        let start = 12 * 288
        let points = Self.dailyCycle(days: 16, seed: 24) { index, value in
            if index > start { value += Double(index - start) * 0.03 }
        }
        var detector = try Self.make()
        let alarms = Self.alarms(&detector, points)
        #expect(alarms.contains { $0 > start && $0 < start + 3 * 288 }, "leak missed: \(alarms)")
        #expect(alarms.filter { $0 >= 5 * 288 && $0 < start }.count <= 3, "false alarms: \(alarms)")
    }

    @Test("the series length, when known, sets NAB's probation")
    func hints() throws {
        var detector = try Self.make()
        detector.prepare(for: SeriesHints(minimum: 0, maximum: 20, length: 2_000))
        let scores = detector.processAll(LabelledSeries.make(seed: 13).points)
        #expect(scores.prefix(300).allSatisfy { $0 == 0 })
        #expect(scores[300..<750].contains { $0 > 0 })
    }
}
