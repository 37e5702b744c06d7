import Foundation
import Testing
import TocsinCore
@testable import TocsinDetect

@Suite("Anomaly likelihood")
struct AnomalyLikelihoodTests {
    static func stage(probation: Int = 200) -> AnomalyLikelihood {
        var settings = AnomalyLikelihood.Configuration()
        settings.probation = probation
        return AnomalyLikelihood(configuration: settings)
    }

    /// Raw scores uniform in 0.3...0.5 on a value that varies.
    static func feedNoise(_ stage: inout AnomalyLikelihood, count: Int, generator: inout SeededGenerator) -> [Double] {
        (0..<count).map { index in
            stage.likelihood(rawScore: 0.3 + 0.2 * generator.nextUnit(), value: Double(index % 7))
        }
    }

    @Test("probation gives the neutral 0.5")
    func probation() {
        var stage = Self.stage()
        var generator = SeededGenerator(seed: 1)
        #expect(Self.feedNoise(&stage, count: 200, generator: &generator).allSatisfy { $0 == 0.5 })
        #expect(Self.feedNoise(&stage, count: 1, generator: &generator)[0] != 0.5)
    }

    @Test("a run of high raw scores after noisy ones is very unlikely; the noise is not")
    func departure() {
        var stage = Self.stage()
        var generator = SeededGenerator(seed: 2)
        let calm = Self.feedNoise(&stage, count: 1_000, generator: &generator)
        #expect(calm.dropFirst(200).allSatisfy { AnomalyLikelihood.logScore($0) < 0.5 })
        let burst = (0..<5).map { _ in stage.likelihood(rawScore: 1, value: 3) }
        #expect(burst.contains { AnomalyLikelihood.logScore($0) >= 0.5 })
    }

    @Test("a second red alert in a row is damped to the yellow zone")
    func damping() {
        var stage = Self.stage()
        var generator = SeededGenerator(seed: 3)
        _ = Self.feedNoise(&stage, count: 1_000, generator: &generator)
        let burst = (0..<10).map { _ in stage.likelihood(rawScore: 1, value: 3) }
        guard let firstRed = burst.firstIndex(where: { $0 >= 1 - AnomalyLikelihood.redZone }), firstRed + 1 < burst.count else {
            Issue.record("no red alert in \(burst)")
            return
        }
        #expect(burst[firstRed + 1] == 1 - AnomalyLikelihood.yellowZone)
    }

    @Test("a flat series is never unlikely, whatever the raw scores")
    func flatSeries() {
        var stage = Self.stage()
        var generator = SeededGenerator(seed: 4)
        let likelihoods = (0..<1_000).map { _ in stage.likelihood(rawScore: generator.nextUnit(), value: 5) }
        #expect(likelihoods.allSatisfy { $0 < 0.51 })
    }

    @Test("the log scale puts 0.5 near 0.03 and 0.99999 at 0.5")
    func logScale() {
        #expect(abs(AnomalyLikelihood.logScore(0.5) - 0.0301) < 1e-3)
        #expect(abs(AnomalyLikelihood.logScore(0.99999) - 0.5) < 1e-6)
        #expect(AnomalyLikelihood.logScore(1) <= 1)
    }

    @Test("a saved stage continues identically")
    func roundTrip() throws {
        var stage = Self.stage()
        var generator = SeededGenerator(seed: 5)
        _ = Self.feedNoise(&stage, count: 450, generator: &generator)
        var restored = try JSONDecoder().decode(AnomalyLikelihood.self, from: JSONEncoder().encode(stage))
        var copy = generator
        #expect(Self.feedNoise(&stage, count: 300, generator: &generator) == Self.feedNoise(&restored, count: 300, generator: &copy))
    }
}
