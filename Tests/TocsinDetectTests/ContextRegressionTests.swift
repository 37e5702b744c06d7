import Foundation
import Testing
import TocsinCore
import TocsinDetect

@Suite("Context regression")
struct ContextRegressionTests {
    /// A daily traffic cycle, a surge to 2.2 times the busiest normal traffic late on,
    /// and a value that follows the traffic linearly with noise of 1.
    struct LoadedService {
        var traffic: [Double] = []
        var values: [Double] = []
        let surge = 1_500..<1_560

        init(seed: UInt64) {
            var random = SeededGenerator(seed: seed)
            for tick in 0..<2_000 {
                var load = 100 - 35 * cos(2 * .pi * Double(tick) / 480)
                if surge.contains(tick) { load *= 2.2 }
                traffic.append(load * (1 + random.nextGaussian(standardDeviation: 0.02)))
                values.append(10 + 0.3 * load + random.nextGaussian())
            }
        }

        func point(_ tick: Int, _ value: Double) -> Point {
            Point(epochSeconds: Double(tick) * 60, value: value)
        }
    }

    static func run(_ detector: inout ContextRegression, _ service: LoadedService, values: [Double]) -> [Double] {
        values.indices.map { detector.process(service.point($0, values[$0]), context: service.traffic[$0]) }
    }

    @Test("a rise that the context explains is quiet, the same rise without it is flagged")
    func surgeIsExplained() throws {
        let service = LoadedService(seed: 1)
        var detector = try ContextRegression()
        let scores = Self.run(&detector, service, values: service.values)
        #expect(scores[..<120].allSatisfy { $0 == 0 })
        #expect(scores.allSatisfy { $0 < detector.defaultThreshold }, "max \(scores.max() ?? 0)")

        var faulty = service.values
        for tick in 1_200..<1_230 { faulty[tick] += 12 }
        var watcher = try ContextRegression()
        let flagged = Self.run(&watcher, service, values: faulty)
        #expect((1_200..<1_230).allSatisfy { flagged[$0] >= 0.5 })
        #expect(flagged[1_300...].allSatisfy { $0 < 0.5 }, "the model recovers after the fault")
    }

    @Test("without a context it is a z-score, and the surge stands out most")
    func surgeWithoutContext() throws {
        let service = LoadedService(seed: 2)
        var detector = try ContextRegression()
        let scores = service.values.indices.map { detector.process(service.point($0, service.values[$0])) }
        let inSurge = service.surge.map { scores[$0] }.max() ?? 0
        let elsewhere = scores.indices.filter { !service.surge.contains($0) }.map { scores[$0] }.max() ?? 0
        #expect(inSurge > elsewhere + 0.1, "surge \(inSurge), elsewhere \(elsewhere)")
    }

    @Test("direction selects which departures count")
    func direction() throws {
        let service = LoadedService(seed: 3)
        var dropped = service.values
        for tick in 900..<910 { dropped[tick] -= 15 }
        var up = try ContextRegression()
        var down = try ContextRegression(configuration: Self.configuration { $0.direction = .down })
        var both = try ContextRegression(configuration: Self.configuration { $0.direction = .both })
        let upScores = Self.run(&up, service, values: dropped)
        let downScores = Self.run(&down, service, values: dropped)
        let bothScores = Self.run(&both, service, values: dropped)
        #expect((900..<910).allSatisfy { upScores[$0] == 0 && downScores[$0] >= 0.5 && bothScores[$0] >= 0.5 })
    }

    @Test("small counts are judged against a spread of at least one")
    func countsKeepTheirResolution() throws {
        var random = SeededGenerator(seed: 4)
        var detector = try ContextRegression()
        var scores: [Double] = []
        for tick in 0..<1_000 {
            // Mostly 0, sometimes 1: the median absolute residual alone would be tiny.
            let value: Double = random.nextUnit() < 0.15 ? 1 : 0
            scores.append(detector.process(Point(epochSeconds: Double(tick) * 60, value: value), context: 50))
        }
        #expect(scores.allSatisfy { $0 < 0.5 })
        #expect(detector.score(Point(epochSeconds: 60_000, value: 3), context: 50) < 0.5)
        #expect(detector.score(Point(epochSeconds: 60_000, value: 12), context: 50) >= 0.5)
    }

    @Test("invalid parameters are refused with the parameter's name")
    func validation() throws {
        #expect(throws: DetectorError.self) { try ContextRegression(configuration: Self.configuration { $0.degree = 5 }) }
        #expect(throws: DetectorError.self) { try ContextRegression(configuration: Self.configuration { $0.warmUp = 3 }) }
        #expect(throws: DetectorError.self) { try ContextRegression(configuration: Self.configuration { $0.zThreshold = 0 }) }
        let entry = try DetectorCatalog.streaming(named: "context-regression")
        #expect(throws: DetectorError.self) { try entry.make(parameters: ["direction": "sideways"]) }
        #expect(try entry.make(parameters: ["direction": "both", "degree": "2"]) is ContextRegression)
    }

    static func configuration(_ change: (inout ContextRegression.Configuration) -> Void) -> ContextRegression.Configuration {
        var configuration = ContextRegression.Configuration()
        change(&configuration)
        return configuration
    }
}
