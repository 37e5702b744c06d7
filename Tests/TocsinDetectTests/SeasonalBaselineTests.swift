import Foundation
import Testing
import TocsinCore
@testable import TocsinDetect

@Suite("Seasonal baseline")
struct SeasonalBaselineTests {
    /// Five-minute values over three weeks from Monday 2024-01-01 00:00 UTC: busy days
    /// (about 100 at 14:00) and quiet nights (about 20 at 02:00), noise 3.
    static func dailyTraffic(seed: UInt64, days: Int = 21) -> [Point] {
        var random = SeededGenerator(seed: seed)
        let start = 1_704_067_200.0
        return (0..<(days * 288)).map { step in
            let hour = Double(step % 288) / 12
            let value = 60 - 40 * cos(2 * .pi * (hour - 2) / 24) + random.nextGaussian(standardDeviation: 3)
            return Point(epochSeconds: start + Double(step) * 300, value: value)
        }
    }

    static func run(_ detector: inout some Detector, _ points: [Point]) -> [Double] {
        points.map { detector.process($0) }
    }

    @Test("hours of the day and of the week are counted in UTC from Monday")
    func slots() {
        let monday = SeasonalBaseline.Slot(epochSeconds: 1_704_067_200)
        #expect(monday.hourOfWeek == 0 && monday.hourOfDay == 0)
        let sunday = SeasonalBaseline.Slot(epochSeconds: 1_704_067_200 + 6 * 86_400 + 23.5 * 3_600)
        #expect(sunday.hourOfWeek == 167 && sunday.hourOfDay == 23)
        #expect(sunday.week == monday.week && sunday.day == monday.day + 6)
        let nextMonday = SeasonalBaseline.Slot(epochSeconds: 1_704_067_200 + 7 * 86_400 + 3 * 3_600)
        #expect(nextMonday.hourOfWeek == 3 && nextMonday.week == monday.week + 1)
        let before1970 = SeasonalBaseline.Slot(epochSeconds: -3_600)
        #expect(before1970.hourOfDay == 23 && before1970.hourOfWeek == 3 * 24 - 1)
    }

    @Test("daytime traffic at night is caught; non-seasonal z-scores miss it")
    func nightDeviation() throws {
        var points = Self.dailyTraffic(seed: 1)
        // Day 16, 02:00 to 02:25: the level of a busy afternoon.
        let night = (16 * 288 + 24)..<(16 * 288 + 30)
        for index in night { points[index].value = 100 }
        var seasonal = try SeasonalBaseline()
        let scores = Self.run(&seasonal, points)
        #expect(night.allSatisfy { scores[$0] >= 0.5 }, "\(night.map { scores[$0] })")
        let elsewhere = scores.indices.filter { $0 >= 3 * 288 && !night.contains($0) }.map { scores[$0] }.max()!
        #expect(elsewhere < 0.5, "highest score outside the anomaly \(elsewhere)")

        var ewma = try EWMAZScore(configuration: { var c = EWMAZScore.Configuration(); c.halfLife = 2_000; return c }())
        var robust = try RobustZScore(configuration: { var c = RobustZScore.Configuration(); c.windowSize = 2_000; return c }())
        let ewmaScores = Self.run(&ewma, points)
        let robustScores = Self.run(&robust, points)
        #expect(night.allSatisfy { ewmaScores[$0] < 0.5 && robustScores[$0] < 0.5 })
    }

    @Test("a young hour borrows the hour-of-day profile, and before that the whole series'")
    func fallbacks() throws {
        let points = Self.dailyTraffic(seed: 2, days: 4)
        var detector = try SeasonalBaseline()
        var scores: [Double] = []
        for point in points { scores.append(detector.process(point)) }
        #expect(scores[..<30].allSatisfy { $0 == 0 }, "warm-up")
        #expect(scores[30] > 0)
        // Thursday 02:00 has been seen in one week only, so a value then is judged against
        // 02:00 of the four days seen; at the daytime level it stands out.
        let probe = Point(epochSeconds: points[3 * 288 + 24].timestamp.timeIntervalSince1970 + 7 * 86_400, value: 100)
        #expect(detector.score(probe) >= 0.5)
    }

    @Test("a series of zeros with occasional ones does not alarm at every one")
    func flatCounts() throws {
        var random = SeededGenerator(seed: 3)
        // The first value is a 1, so that the resolution is known before the first alarm could be raised.
        let points = (0..<(7 * 288)).map {
            Point(epochSeconds: 1_704_067_200 + Double($0) * 300, value: $0 == 0 || random.nextUnit() < 0.05 ? 1 : 0)
        }
        var detector = try SeasonalBaseline()
        let scores = Self.run(&detector, points)
        #expect(scores.allSatisfy { $0 < 0.5 }, "max \(scores.max()!)")
        #expect(detector.score(Point(epochSeconds: points.last!.timestamp.timeIntervalSince1970 + 300, value: 12)) > 0.5)
        var constant = try SeasonalBaseline()
        #expect(Self.run(&constant, points.map { Point(timestamp: $0.timestamp, value: 7) }).allSatisfy { $0 == 0 })
    }

    @Test("a decayed profile forgets half its past in one half-life")
    func decayedProfile() {
        var profile = DecayedProfile()
        let halfLife = 86_400.0
        for step in 0..<2_000 { profile.add(0, time: Double(step) * 300, cycle: 0, halfLife: halfLife) }
        let shift = 2_000.0 * 300
        for step in 0...288 { profile.add(10, time: shift + Double(step) * 300, cycle: 1, halfLife: halfLife) }
        #expect(abs(profile.level - 5) < 0.2, "level \(profile.level)")
        #expect(profile.cycles == 2 && profile.observations == 2_289)
        var clipped = DecayedProfile()
        clipped.add(0, time: 0, cycle: 0, halfLife: halfLife)
        clipped.add(1, time: 1, cycle: 0, halfLife: halfLife)
        clipped.add(1_000, time: 2, cycle: 0, halfLife: halfLife, limit: 2)
        #expect(clipped.level < 2)
    }

    @Test("direction selects which departures count, and bad parameters are refused")
    func directionAndValidation() throws {
        var points = Self.dailyTraffic(seed: 4, days: 8)
        let drop = (7 * 288 + 170)..<(7 * 288 + 173)
        for index in drop { points[index].value = 0 }
        var up = try SeasonalBaseline(configuration: { var c = SeasonalBaseline.Configuration(); c.side = .up; return c }())
        var down = try SeasonalBaseline(configuration: { var c = SeasonalBaseline.Configuration(); c.side = .down; return c }())
        let upScores = Self.run(&up, points)
        let downScores = Self.run(&down, points)
        #expect(drop.allSatisfy { upScores[$0] == 0 }, "\(drop.map { upScores[$0] })")
        #expect(drop.allSatisfy { downScores[$0] >= 0.5 }, "\(drop.map { downScores[$0] })")
        for change: (inout SeasonalBaseline.Configuration) -> Void in [
            { $0.halfLife = 0 }, { $0.minimumCycles = 0 }, { $0.warmUp = 1 }, { $0.zThreshold = 0 },
            { $0.huber = 0 }, { $0.spreadFloor = -1 }, { $0.minimumSpread = .nan },
        ] {
            var configuration = SeasonalBaseline.Configuration()
            change(&configuration)
            #expect(throws: DetectorError.self) { try SeasonalBaseline(configuration: configuration) }
        }
        #expect(try DetectorCatalog.streaming(named: "seasonal-baseline").make(parameters: ["side": "down"]) is SeasonalBaseline)
    }
}
