import Foundation
import Testing
import TocsinCore
import TocsinDetect

@Suite("Default detector")
struct DefaultDetectorTests {
    static func make(probation: Int = 300) throws -> DefaultDetector {
        var settings = DefaultDetector.Configuration()
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

    @Test("alarms on the first spikes and the level shift, few elsewhere")
    func oneAlarmPerEvent() throws {
        var detector = try Self.make()
        let series = LabelledSeries.make(seed: 11)
        let alarms = Self.alarms(&detector, series.points)
        for event in [700, 1_150, 1_400] {
            #expect(alarms.contains { (event...event + 10).contains($0) }, "no alarm near \(event): \(alarms)")
        }
        let falseAlarms = alarms.filter { !series.labels[$0] && !series.labels[max(0, $0 - 10)...$0].contains(true) }
        #expect(falseAlarms.count <= 2, "false alarms at \(falseAlarms)")
    }

    @Test("a slow leak at low load is caught once it leaves the range seen")
    func slowLeak() throws {
        var detector = try Self.make()
        var generator = SeededGenerator(seed: 12)
        let points = (0..<3_000).map { index in
            let leak = index > 2_000 ? Double(index - 2_000) * 0.01 : 0
            return Point(epochSeconds: Double(index) * 60, value: 40 + 3 * sin(Double(index) / 30) + generator.nextGaussian() + leak)
        }
        let alarms = Self.alarms(&detector, points)
        #expect(alarms.contains { $0 > 2_000 && $0 < 2_900 }, "leak missed: \(alarms)")
        #expect(alarms.filter { $0 < 2_000 }.count <= 2, "false alarms: \(alarms)")
    }

    @Test("the series length, when known, sets NAB's probation")
    func hints() throws {
        var detector = try Self.make(probation: 750)
        detector.prepare(for: SeriesHints(minimum: 0, maximum: 20, length: 2_000))
        let scores = detector.processAll(LabelledSeries.make(seed: 13).points)
        #expect(scores.prefix(300).allSatisfy { $0 == 0 })
        #expect(scores[300..<750].contains { $0 > 0 })
    }
}
