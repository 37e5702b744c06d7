import Foundation
import Testing
import TocsinCore
@testable import TocsinDetect

@Suite("Stream sampler")
struct StreamSamplerTests {
    /// The admission rule written out: the weight `log(-log u) - λ·t`, kept while the sample
    /// is not full or when below the sample's largest weight.
    static func admits(_ sampler: StreamSampler, sequence: Int, uniform: Double) -> Double? {
        let weight = log(-log(max(uniform, .leastNonzeroMagnitude))) - sampler.timeDecay * Double(sequence)
        return !sampler.isFull || weight < sampler.weights[0] ? weight : nil
    }

    @Test("turning points away without their weight never changes a decision", arguments: [0.0, 1.0 / 2_560, 0.01, 1])
    func shortcutAgreesWithTheRule(timeDecay: Double) {
        var sampler = StreamSampler(capacity: 32, timeDecay: timeDecay)
        var random = SeededGenerator(seed: 11)
        var admitted = 0
        for sequence in 1...20_000 {
            // Uniforms near the bound, where rounding could decide, as well as plain ones.
            var uniform = random.nextUnit()
            if sampler.isFull, sequence % 3 == 0 {
                let bound = exp(-exp(sampler.weights[0] + timeDecay * Double(sequence)))
                uniform = min(max(bound * (1 + (random.nextUnit() - 0.5) * 1e-12), 0), 0x1.fffffffffffffp-1)
            }
            let expected = Self.admits(sampler, sequence: sequence, uniform: uniform)
            let decided = sampler.admission(sequence: sequence, uniform: uniform)
            #expect(decided == expected, "sequence \(sequence), uniform \(uniform)")
            guard let weight = decided else { continue }
            admitted += 1
            if sampler.isFull { _ = sampler.evict() }
            sampler.add(Int32(sequence), weight: weight)
        }
        #expect(admitted > 100, "\(admitted) points admitted")
    }

    @Test("the sample keeps the smallest weights and follows the stream under time decay")
    func keepsSmallestWeights() {
        var sampler = StreamSampler(capacity: 64, timeDecay: 0.01)
        var random = SeededGenerator(seed: 12)
        for sequence in 1...5_000 {
            guard let weight = sampler.admission(sequence: sequence, uniform: random.nextUnit()) else { continue }
            if sampler.isFull { _ = sampler.evict() }
            sampler.add(Int32(sequence), weight: weight)
        }
        #expect(sampler.entries.count == 64)
        #expect(sampler.weights[0] == sampler.weights.max())
        // With λ = 0.01 a point's weight falls by 1 every 100 points: the sample is recent.
        #expect(sampler.entries.allSatisfy { $0 > 4_000 }, "oldest kept: \(sampler.entries.min() ?? 0)")
    }
}
