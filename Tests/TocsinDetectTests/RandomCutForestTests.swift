import Foundation
import Testing
import TocsinCore
@testable import TocsinDetect

@Suite("Random cut forest")
struct RandomCutForestTests {
    static func forest(dimensions: Int = 3, trees: Int = 30, sampleSize: Int = 64, seed: UInt64 = 1) throws -> RandomCutForest {
        var configuration = RandomCutForest.Configuration(dimensions: dimensions)
        configuration.trees = trees
        configuration.sampleSize = sampleSize
        configuration.seed = seed
        return try RandomCutForest(configuration: configuration)
    }

    @Test("trees stay consistent through thousands of inserts and evictions, duplicates included")
    func consistency() throws {
        var forest = try Self.forest()
        var random = SeededGenerator(seed: 2)
        for step in 0..<3_000 {
            // Every fifth point repeats an earlier value exactly.
            let point = step % 5 == 0 ? [1, 2, 3] : (0..<3).map { _ in random.nextGaussian() }
            forest.update(point)
            if step % 500 == 0 { #expect(forest.isConsistent(), "after \(step) points") }
        }
        #expect(forest.isConsistent())
        #expect(forest.sampled == 64)
    }

    @Test("where the boxes lie in memory is not state: a decoded or copied forest equals and scores as the original")
    func boxPlacement() throws {
        var forest = try Self.forest(dimensions: 8, sampleSize: 32)
        var random = SeededGenerator(seed: 4)
        let points = (0..<600).map { _ in (0..<8).map { _ in random.nextGaussian() } }
        for point in points[..<300] { forest.update(point) }
        var decoded = try JSONDecoder().decode(RandomCutForest.self, from: JSONEncoder().encode(forest))
        var copy = forest
        #expect(decoded == forest)
        for point in points[300...] {
            forest.update(point)
            decoded.update(point)
            copy.update(point)
        }
        #expect(decoded == forest && copy == forest)
        #expect(decoded.hashValue == forest.hashValue)
        #expect(decoded.isConsistent() && copy.isConsistent())
        #expect(points.allSatisfy { decoded.score($0) == forest.score($0) && copy.score($0) == forest.score($0) })
    }

    @Test("typical points score about 1, a far one much more, and the attribution names its dimension")
    func scoresAndAttribution() throws {
        var forest = try Self.forest()
        var random = SeededGenerator(seed: 3)
        for _ in 0..<2_000 { forest.update((0..<3).map { _ in random.nextGaussian() }) }
        let typical = (0..<200).map { _ in forest.score((0..<3).map { _ in random.nextGaussian() }) }
        let mean = typical.reduce(0, +) / Double(typical.count)
        #expect((0.6...1.6).contains(mean), "mean typical score \(mean)")
        let outlier = [0.0, 9.0, 0.0]
        let score = forest.score(outlier)
        #expect(score > 2.5 * mean, "outlier \(score) vs typical \(mean)")
        let (above, below) = forest.attribution(outlier)
        #expect(abs(above.reduce(0, +) + below.reduce(0, +) - score) < 1e-9 * max(score, 1))
        #expect(above[1] > 0.8 * score, "dimension 1, above, carries the score: \(above) \(below)")
        let low = forest.attribution([0.0, 0.0, -9.0])
        #expect(low.below[2] > 0.8 * forest.score([0.0, 0.0, -9.0]))
    }

    @Test("with time decay the sample follows the stream; without it, it keeps old points")
    func timeDecay() throws {
        func oldShare(decay: Double) throws -> Double {
            var configuration = RandomCutForest.Configuration(dimensions: 1)
            configuration.trees = 10
            configuration.sampleSize = 64
            configuration.timeDecay = decay
            var forest = try RandomCutForest(configuration: configuration)
            for step in 0..<4_000 { forest.update([step < 2_000 ? 0 : 100]) }
            // A point at the old level looks anomalous only if the old points were forgotten.
            return forest.score([0])
        }
        #expect(try oldShare(decay: 0.01) > 2 * oldShare(decay: 0))
    }

    @Test("the streaming detector is deterministic and catches a level shift")
    func detector() throws {
        var values: [Double] = []
        var random = SeededGenerator(seed: 4)
        for step in 0..<1_500 { values.append(10 * sin(Double(step) / 30) + random.nextGaussian() + (step >= 1_200 ? 25 : 0)) }
        func scores() throws -> [Double] {
            var detector = try RandomCutForestDetector(configuration: {
                var configuration = RandomCutForestDetector.Configuration()
                configuration.trees = 30
                configuration.shingleSize = 4
                return configuration
            }())
            return values.enumerated().map { detector.process(Point(epochSeconds: Double($0.offset) * 60, value: $0.element)) }
        }
        let first = try scores()
        #expect(first == (try scores()))
        #expect(first[1_200] > first[0..<1_200].dropFirst(100).max()!)
    }

    @Test("invalid parameters are refused by name")
    func validation() {
        #expect(throws: DetectorError.self) { try DetectorCatalog.streaming(named: "random-cut-forest").make(parameters: ["trees": "0"]) }
        #expect(throws: DetectorError.self) { try DetectorCatalog.streaming(named: "random-cut-forest").make(parameters: ["shingleSize": "0"]) }
        #expect(throws: DetectorError.self) { try DetectorCatalog.streaming(named: "random-cut-forest").make(parameters: ["timeDecay": "-1"]) }
    }
}

@Suite("Thresholded random cut forest")
struct ThresholdedRandomCutForestTests {
    @Test("its adaptive bar flags a spike and no more ordinary points than the plain forest's fixed one")
    func adaptiveBar() throws {
        // (On a series whose scores run high, the bar rises above the fixed one: see the next test.)
        var random = SeededGenerator(seed: 5)
        let values = (0..<2_000).map { step in 20 + 5 * sin(Double(step) / 40) + 2 * random.nextGaussian() + (step == 1_500 ? 30 : 0) }
        var configuration = ThresholdedRandomCutForest.Configuration()
        configuration.trees = 30
        var detector = try ThresholdedRandomCutForest(configuration: configuration)
        let scores = values.enumerated().map { detector.process(Point(epochSeconds: Double($0.offset) * 60, value: $0.element)) }
        #expect(scores[1_500] >= detector.defaultThreshold)
        let ordinary = scores.indices.filter { $0 != 1_500 && scores[$0] >= detector.defaultThreshold }
        var plainConfiguration = RandomCutForestDetector.Configuration()
        plainConfiguration.trees = 30
        var plain = try RandomCutForestDetector(configuration: plainConfiguration)
        let plainScores = values.enumerated().map { plain.process(Point(epochSeconds: Double($0.offset) * 60, value: $0.element)) }
        let plainOrdinary = plainScores.indices.filter { $0 != 1_500 && plainScores[$0] >= plain.defaultThreshold }
        #expect(plainScores[1_500] >= plain.defaultThreshold)
        #expect(ordinary.count <= plainOrdinary.count, "thresholded \(ordinary.count), plain \(plainOrdinary.count)")
        #expect(Double(ordinary.count) < 0.02 * Double(values.count))
        #expect(scores[..<100].allSatisfy { $0 == 0 })
    }

    @Test("on a series whose forest scores run high, the bar rises and flags far fewer points than the fixed one")
    func risingBar() throws {
        var random = SeededGenerator(seed: 6)
        // Heavy-tailed noise: the forest keeps meeting points outside its boxes.
        let values = (0..<3_000).map { _ in pow(random.nextUnit(), -0.7) * (random.nextUnit() < 0.5 ? -1 : 1) }
        var configuration = ThresholdedRandomCutForest.Configuration()
        configuration.trees = 30
        var detector = try ThresholdedRandomCutForest(configuration: configuration)
        var plainConfiguration = RandomCutForestDetector.Configuration()
        plainConfiguration.trees = 30
        var plain = try RandomCutForestDetector(configuration: plainConfiguration)
        var flagged = 0
        var plainFlagged = 0
        for (index, value) in values.enumerated() {
            let point = Point(epochSeconds: Double(index) * 60, value: value)
            if detector.process(point) >= detector.defaultThreshold { flagged += 1 }
            if plain.process(point) >= plain.defaultThreshold { plainFlagged += 1 }
        }
        #expect(flagged < plainFlagged, "thresholded \(flagged), plain \(plainFlagged)")
    }
}

@Suite("Random cut forest as a batch model")
struct RandomCutForestModelTests {
    @Test("fits rows, ranks an outlier first, names its column, and round-trips through an artifact")
    func batch() throws {
        var random = SeededGenerator(seed: 8)
        let training = try Matrix(rowArrays: (0..<1_000).map { _ in (0..<4).map { _ in random.nextGaussian() } })
        var rows = (0..<200).map { _ in (0..<4).map { _ in random.nextGaussian() } }
        rows[77] = [0, 0, 8, 0]
        let test = try Matrix(rowArrays: rows)
        var model = try DetectorCatalog.batch(named: "random-cut-forest").make(parameters: ["trees": "30", "contamination": "0.01"])
        try model.fit(training)
        let scores = try model.score(test)
        #expect(scores.firstIndex(of: scores.max()!) == 77)
        #expect(scores[77] >= model.threshold)
        let flagged = scores.filter { $0 >= model.threshold }.count
        #expect(flagged <= 10, "\(flagged) of 200 rows flagged at 1 % contamination")
        let forest = try #require(model as? RandomCutForestModel)
        let attribution = try forest.attribution(try Matrix(rowArrays: [rows[77]]))[0]
        #expect(attribution.above[2] > 0.8 * (attribution.above.reduce(0, +) + attribution.below.reduce(0, +)))
        let reloaded = try DetectorCatalog.loadBatch(try DetectorCatalog.save(forest))
        #expect(try reloaded.score(test) == scores)
        #expect(throws: DetectorError.self) { try model.score(try Matrix(rowArrays: [[1, 2]])) }
    }
}
