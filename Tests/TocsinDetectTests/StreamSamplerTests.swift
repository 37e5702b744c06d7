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
            sampler.keep(Int32(sequence), weight: weight)
        }
        #expect(admitted > 100, "\(admitted) points admitted")
    }

    @Test("the sample keeps the smallest weights and follows the stream under time decay")
    func keepsSmallestWeights() {
        var sampler = StreamSampler(capacity: 64, timeDecay: 0.01)
        var random = SeededGenerator(seed: 12)
        for sequence in 1...5_000 {
            guard let weight = sampler.admission(sequence: sequence, uniform: random.nextUnit()) else { continue }
            sampler.keep(Int32(sequence), weight: weight)
        }
        #expect(sampler.entries.count == 64)
        #expect(sampler.weights[0] == sampler.weights.max())
        // With λ = 0.01 a point's weight falls by 1 every 100 points: the sample is recent.
        #expect(sampler.entries.allSatisfy { $0 > 4_000 }, "oldest kept: \(sampler.entries.min() ?? 0)")
    }

    /// Whether every weight is at most its parent's in a heap of eight children per node.
    static func isHeap(_ sampler: StreamSampler) -> Bool {
        sampler.weights.indices.dropFirst().allSatisfy { sampler.weights[($0 - 1) / 8] >= sampler.weights[$0] }
    }

    @Test("it keeps exactly the points of smallest weight, evicting the largest first", arguments: [10, 64, 256, 300])
    func keepsExactlyTheSmallest(capacity: Int) {
        var sampler = StreamSampler(capacity: capacity, timeDecay: 1.0 / 2_560)
        var random = SeededGenerator(seed: UInt64(capacity))
        var kept: [(weight: Double, entry: Int32)] = []
        for sequence in 1...30_000 {
            let largest = sampler.isFull ? sampler.largest : nil
            guard let weight = sampler.admission(sequence: sequence, uniform: random.nextUnit()) else { continue }
            if let largest {
                // The evicted entry is the one of largest weight among those kept.
                let heaviest = kept.indices.max { kept[$0].weight < kept[$1].weight }!
                #expect(kept[heaviest].entry == largest)
                kept.remove(at: heaviest)
            }
            kept.append((weight, Int32(sequence)))
            sampler.keep(Int32(sequence), weight: weight)
        }
        #expect(Self.isHeap(sampler))
        #expect(Set(sampler.entries) == Set(kept.map(\.entry)))
        #expect(sampler.weights.sorted() == kept.map(\.weight).sorted())
    }

    @Test("a state in any order decodes into a heap with the same points; a heap decodes as it was")
    func decodesAnyOrder() throws {
        var sampler = StreamSampler(capacity: 100, timeDecay: 0.001)
        var random = SeededGenerator(seed: 13)
        for sequence in 1...2_000 {
            guard let weight = sampler.admission(sequence: sequence, uniform: random.nextUnit()) else { continue }
            sampler.keep(Int32(sequence), weight: weight)
        }
        let decoded = try JSONDecoder().decode(StreamSampler.self, from: JSONEncoder().encode(sampler))
        #expect(decoded == sampler)
        // The same points listed from lightest to heaviest, as no heap lists them.
        let order = sampler.weights.indices.sorted { sampler.weights[$0] < sampler.weights[$1] }
        let shuffled = """
            {"capacity": 100, "timeDecay": 0.001, "weights": \(order.map { sampler.weights[$0] }), \
            "entries": \(order.map { sampler.entries[$0] })}
            """
        let reordered = try JSONDecoder().decode(StreamSampler.self, from: Data(shuffled.utf8))
        #expect(Self.isHeap(reordered))
        #expect(reordered.largest == sampler.largest)
        #expect(Set(reordered.entries) == Set(sampler.entries))
        let broken = #"{"capacity": 0, "timeDecay": 0.001, "weights": [], "entries": []}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(StreamSampler.self, from: Data(broken.utf8)) }
    }
}
