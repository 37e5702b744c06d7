import Foundation
import Testing
import TocsinCore
import TocsinDetect

@Suite("Robust z-score")
struct RobustZTests {
    static func detector(_ change: (inout RobustZScore.Configuration) -> Void = { _ in }) throws -> RobustZScore {
        var configuration = RobustZScore.Configuration()
        change(&configuration)
        return try RobustZScore(configuration: configuration)
    }

    static func run(_ detector: inout RobustZScore, _ values: [Double]) -> [Double] {
        values.enumerated().map { detector.process(Point(epochSeconds: Double($0.offset) * 60, value: $0.element)) }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let half = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
    }

    @Test("sorted blocks agree with sorting the window, duplicates and splits included")
    func sortedBlocks() {
        var random = SeededGenerator(seed: 1)
        var blocks = SortedBlocks(blockSize: 4)
        var window: [Double] = []
        for step in 0..<3_000 {
            // Rounded values repeat often; the window grows to 150, shrinks to 20 and grows again.
            let value = 1e6 + (random.nextGaussian(standardDeviation: 20)).rounded()
            let target = step < 1_000 ? 150 : step < 2_000 ? 20 : 90
            blocks.insert(value)
            window.append(value)
            while window.count > target {
                let removed = blocks.remove(window.removeFirst())
                #expect(removed)
            }
            let absent = blocks.remove(0.5)
            #expect(!absent)
            let index = blocks.rankIndex
            #expect(index.count == window.count)
            let sorted = window.sorted()
            #expect((0..<sorted.count).allSatisfy { index[$0] == sorted[$0] })
            let median = Self.median(window)
            #expect(index.median == median)
            #expect(index.medianAbsoluteDeviation(from: median) == Self.median(window.map { abs($0 - median) }))
            let meanAbsolute = window.reduce(0) { $0 + abs($1 - median) } / Double(window.count)
            #expect(abs(index.meanAbsoluteDeviation(from: median) - meanAbsolute) < 1e-6)
            let mean = window.reduce(0, +) / Double(window.count)
            let variance = window.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(window.count)
            #expect(abs(index.variance - variance) < 1e-6 * max(variance, 1))
        }
    }

    @Test("routine spikes do not widen the spread, so each one still scores high")
    func spikesStayVisible() throws {
        var random = SeededGenerator(seed: 2)
        var values = (0..<2_000).map { _ in 100 + random.nextGaussian(standardDeviation: 2) }
        let spikes = stride(from: 300, to: 2_000, by: 40)
        for index in spikes { values[index] += 40 }
        var detector = try Self.detector()
        let scores = Self.run(&detector, values)
        #expect(spikes.allSatisfy { scores[$0] > 0.7 }, "\(spikes.map { scores[$0] }.min()!)")
        let quiet = scores.indices.filter { $0 >= 300 && !spikes.contains($0) }.map { scores[$0] }
        #expect(quiet.allSatisfy { $0 < 0.5 })

        var floored = try Self.detector { $0.spreadFloor = 1 }
        let flooredScores = Self.run(&floored, values)
        #expect(flooredScores[1_980] < scores[1_980] - 0.1, "a standard-deviation floor lets the spikes widen the spread")
    }

    @Test("the score is the z-score of the window before the value")
    func matchesDefinition() throws {
        var random = SeededGenerator(seed: 3)
        let values = (0..<400).map { _ in random.nextGaussian() * 3 + 7 }
        var detector = try Self.detector { $0.windowSize = 101 }
        let scores = Self.run(&detector, values)
        for index in [150, 250, 399] {
            let window = Array(values[(index - 101)..<index])
            let median = Self.median(window)
            let spread = 1.4826 * Self.median(window.map { abs($0 - median) })
            let z = abs(values[index] - median) / spread
            #expect(abs(scores[index] - z / (z + 5)) < 1e-12)
        }
        #expect(scores[..<50].allSatisfy { $0 == 0 })
    }

    @Test("mostly constant windows fall back on the mean absolute deviation; constant series score 0")
    func flatWindows() throws {
        var values = Array(repeating: 4.0, count: 300)
        for index in stride(from: 0, to: 300, by: 10) { values[index] = 4.5 }
        var detector = try Self.detector()
        let scores = Self.run(&detector, values)
        // The MAD is 0; the spread is the resolution, 0.5, so a routine 4.5 is one spread out.
        #expect(scores[60...].allSatisfy { $0 < 0.2 })
        #expect(detector.score(Point(epochSeconds: 0, value: 4)) == 0)
        #expect(detector.score(Point(epochSeconds: 0, value: 10)) > 0.5)

        var constant = try Self.detector()
        #expect(Self.run(&constant, Array(repeating: -2, count: 200)).allSatisfy { $0 == 0 })
        #expect(constant.score(Point(epochSeconds: 0, value: -1.9)) > 0.99)
    }

    @Test("side selects which departures count, and bad parameters are refused")
    func sideAndValidation() throws {
        var random = SeededGenerator(seed: 4)
        var values = (0..<300).map { _ in random.nextGaussian() }
        values[250] = -15
        var up = try Self.detector { $0.side = .up }
        var down = try Self.detector { $0.side = .down }
        #expect(Self.run(&up, values)[250] == 0)
        #expect(Self.run(&down, values)[250] > 0.6)
        #expect(throws: DetectorError.self) { try Self.detector { $0.windowSize = 2 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.warmUp = 0 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.warmUp = 2_000 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.zThreshold = -1 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.spreadFloor = -0.5 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.minimumSpread = .infinity } }
        #expect(try DetectorCatalog.streaming(named: "robust-z").make(parameters: ["windowSize": "200"]) is RobustZScore)
    }
}
