import Foundation
import Testing
import TocsinCore
import TocsinDetect

@Suite("EWMA z-score")
struct EWMAZScoreTests {
    static func detector(_ change: (inout EWMAZScore.Configuration) -> Void = { _ in }) throws -> EWMAZScore {
        var configuration = EWMAZScore.Configuration()
        change(&configuration)
        return try EWMAZScore(configuration: configuration)
    }

    static func run(_ detector: inout EWMAZScore, _ values: [Double]) -> [Double] {
        values.enumerated().map { detector.process(Point(epochSeconds: Double($0.offset) * 60, value: $0.element)) }
    }

    @Test("scores are the z-score against the weighted moments of the values before")
    func matchesDefinition() throws {
        var random = SeededGenerator(seed: 1)
        let values = (0..<600).map { _ in 20 + random.nextGaussian(standardDeviation: 4) }
        var detector = try Self.detector { $0.halfLife = 50 }
        let scores = Self.run(&detector, values)
        let decay = pow(0.5, 1 / 50.0)
        for index in [30, 100, 599] {
            let weights = (0..<index).map { pow(decay, Double(index - 1 - $0)) }
            let total = weights.reduce(0, +)
            let mean = zip(weights, values).reduce(0) { $0 + $1.0 * $1.1 } / total
            let variance = zip(weights, values).reduce(0) { $0 + $1.0 * ($1.1 - mean) * ($1.1 - mean) } / total
            let z = abs(values[index] - mean) / variance.squareRoot()
            #expect(abs(scores[index] - z / (z + 5)) < 1e-9, "at \(index)")
        }
        #expect(scores[..<30].allSatisfy { $0 == 0 })
        #expect(scores[30] > 0)
    }

    @Test("after a level shift the mean has moved half way in one half-life")
    func halfLife() throws {
        var detector = try Self.detector { $0.halfLife = 20 }
        _ = Self.run(&detector, Array(repeating: 0, count: 500) + Array(repeating: 10, count: 20))
        // Half the weight now lies on the new level: the old level is as far as the new one.
        let atOld = detector.score(Point(epochSeconds: 0, value: 0))
        let atNew = detector.score(Point(epochSeconds: 0, value: 10))
        #expect(abs(atOld - atNew) < 0.01, "\(atOld) \(atNew)")
    }

    @Test("an injected spike stands out; one side can be ignored")
    func spikeAndSide() throws {
        var random = SeededGenerator(seed: 2)
        var values = (0..<400).map { _ in random.nextGaussian() }
        values[300] = 9
        values[350] = -9
        var both = try Self.detector()
        var up = try Self.detector { $0.side = .up }
        let bothScores = Self.run(&both, values)
        let upScores = Self.run(&up, values)
        let others = bothScores.indices.filter { $0 != 300 && $0 != 350 }.map { bothScores[$0] }.max()!
        #expect(bothScores[300] > 0.5 && bothScores[350] > 0.5 && others < 0.5)
        #expect(upScores[300] == bothScores[300] && upScores[350] == 0)
    }

    @Test("constant series score 0 and their first change about 1; counts are judged in whole units")
    func flat() throws {
        var constant = try Self.detector()
        #expect(Self.run(&constant, Array(repeating: 1e9, count: 100)).allSatisfy { $0 == 0 })
        #expect(constant.score(Point(epochSeconds: 0, value: 1e9 + 1)) > 0.99)
        var random = SeededGenerator(seed: 3)
        var counts = try Self.detector()
        // The first value is a 1, so that the resolution is known before the first alarm could be raised.
        let scores = Self.run(&counts, (0..<1_000).map { $0 == 0 || random.nextUnit() < 0.02 ? 1 : 0 })
        #expect(scores.allSatisfy { $0 < 0.5 })
    }

    @Test("bad parameters are refused")
    func validation() throws {
        #expect(throws: DetectorError.self) { try Self.detector { $0.halfLife = 0.5 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.warmUp = 1 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.zThreshold = 0 } }
        #expect(throws: DetectorError.self) { try Self.detector { $0.minimumSpread = -1 } }
        let made = try DetectorCatalog.streaming(named: "ewma").make(parameters: ["halfLife": "250", "side": "down"])
        #expect((made as? EWMAZScore)?.configuration.halfLife == 250)
        #expect(throws: DetectorError.self) { try DetectorCatalog.streaming(named: "ewma").make(parameters: ["side": "left"]) }
    }
}
