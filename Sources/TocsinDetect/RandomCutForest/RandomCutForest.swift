import Foundation
import TocsinCore

/// A robust random cut forest over vectors (Guha et al. 2016), kept as AWS's
/// implementation keeps it: trees, their stream samplers and a shared point store apart.
///
/// ``update(_:)`` offers a point to every tree's time-decayed sampler; a tree that admits
/// it evicts its oldest-weighted point and inserts the new one. ``score(_:)`` averages the
/// trees' anomaly scores (about 1 for typical points, higher for anomalies) and
/// ``attribution(_:)`` splits that score over dimensions and directions.
public struct RandomCutForest: Sendable, Codable, Hashable {
    /// Hyperparameters.
    public struct Configuration: Sendable, Codable, Hashable {
        /// Coordinates per point.
        public var dimensions: Int
        /// Trees.
        public var trees = 50
        /// Points each tree samples.
        public var sampleSize = 256
        /// The samplers' decay per point (λ); nil means AWS's default, 1 / (10 · sampleSize).
        public var timeDecay: Double?
        /// The seed of every tree's randomness.
        public var seed: UInt64 = 42

        /// A configuration for points of `dimensions` coordinates.
        public init(dimensions: Int) {
            self.dimensions = dimensions
        }

        /// Checks every value.
        public func validate() throws(DetectorError) {
            guard (1...10_000).contains(dimensions) else { throw DetectorError("dimensions must be in 1...10000, got \(dimensions)") }
            guard (1...1_000).contains(trees) else { throw DetectorError("trees must be in 1...1000, got \(trees)") }
            guard (4...100_000).contains(sampleSize) else { throw DetectorError("sampleSize must be in 4...100000, got \(sampleSize)") }
            if let timeDecay, !(timeDecay >= 0 && timeDecay.isFinite) {
                throw DetectorError("timeDecay must be a non-negative number, got \(timeDecay)")
            }
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    private var trees: [RandomCutTree]
    private var samplers: [StreamSampler]
    private var store: PointStore
    private var admissions: SeededGenerator
    /// Points offered so far.
    public private(set) var pointsSeen = 0

    /// Creates an empty forest.
    public init(configuration: Configuration) throws(DetectorError) {
        try configuration.validate()
        self.configuration = configuration
        var seeds = SeededGenerator(seed: configuration.seed)
        let decay = configuration.timeDecay ?? 1 / (10 * Double(configuration.sampleSize))
        trees = (0..<configuration.trees).map { _ in RandomCutTree(dimensions: configuration.dimensions, seed: seeds.next()) }
        samplers = (0..<configuration.trees).map { _ in StreamSampler(capacity: configuration.sampleSize, timeDecay: decay) }
        store = PointStore(dimensions: configuration.dimensions)
        admissions = SeededGenerator(seed: seeds.next())
    }

    /// Offers a point to every tree.
    public mutating func update(_ point: [Double]) {
        precondition(point.count == configuration.dimensions, "a point of \(point.count) coordinates for a forest of \(configuration.dimensions)")
        pointsSeen += 1
        var stored: Int32?
        for tree in trees.indices {
            guard let weight = samplers[tree].admission(sequence: pointsSeen, uniform: admissions.nextUnit()) else { continue }
            if samplers[tree].isFull {
                let evicted = samplers[tree].evict()
                trees[tree].delete(evicted, store: store)
                store.release(evicted)
            }
            let index = stored ?? store.add(point)
            stored = index
            let held = trees[tree].insert(index, store: store)
            store.retain(held)
            samplers[tree].add(held, weight: weight)
        }
        if let stored { store.discardIfUnused(stored) }
    }

    /// The average anomaly score of a point over the trees (0 for an empty forest).
    public func score(_ point: [Double]) -> Double {
        guard !trees.isEmpty else { return 0 }
        return point.withUnsafeBufferPointer { point in
            trees.withUnsafeBufferPointer { trees in
                var total = 0.0
                for index in trees.indices { total += trees[index].score(point, store: store) }
                return total / Double(trees.count)
            }
        }
    }

    /// The score split over dimensions: `above[d]` from the point lying above the data
    /// along dimension `d`, `below[d]` from it lying below; all of them sum to ``score(_:)``.
    public func attribution(_ point: [Double]) -> (above: [Double], below: [Double]) {
        let dimensions = configuration.dimensions
        var sum = [Double](repeating: 0, count: 2 * dimensions)
        var part = [Double](repeating: 0, count: 2 * dimensions)
        point.withUnsafeBufferPointer { point in
            for tree in trees {
                part.withUnsafeMutableBufferPointer { buffer in _ = tree.score(point, store: store, attribution: buffer.baseAddress) }
                for slot in sum.indices { sum[slot] += part[slot] }
            }
        }
        let count = Double(max(trees.count, 1))
        return ((0..<dimensions).map { sum[2 * $0] / count }, (0..<dimensions).map { sum[2 * $0 + 1] / count })
    }

    /// Whether every tree's structure is sound and holds exactly its sampler's points. For tests.
    func isConsistent() -> Bool {
        zip(trees, samplers).allSatisfy { tree, sampler in tree.isConsistent(store: store) && tree.totalMass == sampler.points.count }
    }

    /// A raw score mapped into [0, 1): `raw / (raw + 1)`, so 0.5 for a typical point and
    /// 0.75 at 3; a raw score that is not finite maps to 1.
    public static func unitScore(_ raw: Double) -> Double {
        raw.isFinite ? raw / (raw + 1) : 1
    }

    /// Points the first tree holds (a measure of warm-up).
    public var sampled: Int { trees.first?.totalMass ?? 0 }
}
