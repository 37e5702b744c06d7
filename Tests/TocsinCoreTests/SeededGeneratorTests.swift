import Testing
import TocsinCore

@Suite("SeededGenerator")
struct SeededGeneratorTests {
    @Test("the same seed gives the same sequence, another seed another")
    func deterministic() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        var other = SeededGenerator(seed: 43)
        let a = (0..<100).map { _ in first.next() }
        #expect(a == (0..<100).map { _ in second.next() })
        #expect(a != (0..<100).map { _ in other.next() })
    }

    @Test("units are in [0, 1) and Gaussians have the requested moments")
    func distributions() {
        var generator = SeededGenerator(seed: 7)
        let units = (0..<10_000).map { _ in generator.nextUnit() }
        #expect(units.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(units.reduce(0, +) / 10_000 - 0.5) < 0.02)
        let normals = (0..<20_000).map { _ in generator.nextGaussian(mean: 3, standardDeviation: 2) }
        let mean = normals.reduce(0, +) / 20_000
        let variance = normals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 20_000
        #expect(abs(mean - 3) < 0.05)
        #expect(abs(variance.squareRoot() - 2) < 0.05)
    }
}
