import Foundation
import TocsinCore

/// A robust random cut forest over vectors (Guha et al. 2016), kept as AWS's
/// implementation keeps it: trees, their stream samplers and a shared point store apart,
/// and the nodes of all the trees in one pool, so that the trees can be walked together.
///
/// ``update(_:)`` offers a point to every tree's time-decayed sampler; a tree that admits
/// it evicts its oldest-weighted point (its sampler names the point's leaf) and inserts
/// the new one. ``score(_:)`` averages the
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
    private var nodes: NodeStore
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
        trees = (0..<configuration.trees).map { _ in RandomCutTree(seed: seeds.next()) }
        nodes = NodeStore(dimensions: configuration.dimensions)
        samplers = (0..<configuration.trees).map { _ in StreamSampler(capacity: configuration.sampleSize, timeDecay: decay) }
        store = PointStore(dimensions: configuration.dimensions)
        admissions = SeededGenerator(seed: seeds.next())
    }

    /// Offers a point to every tree.
    public mutating func update(_ point: [Double]) {
        precondition(point.count == configuration.dimensions, "a point of \(point.count) coordinates for a forest of \(configuration.dimensions)")
        switch configuration.dimensions {
        case 2: update(point, width: FixedWidth<2>.self)
        case 4: update(point, width: FixedWidth<4>.self)
        case 8: update(point, width: FixedWidth<8>.self)
        case 16: update(point, width: FixedWidth<16>.self)
        default: update(point, width: AnyWidth.self)
        }
    }

    private mutating func update<Width: PointWidth>(_ point: [Double], width: Width.Type) {
        pointsSeen += 1
        let sequence = pointsSeen
        withUnsafeTemporaryAllocation(of: (tree: Int, weight: Double).self, capacity: trees.count) { admitted in
            // Each sampler decides alone; in steady state most turn the point away.
            var count = 0
            samplers.withUnsafeMutableBufferPointer { samplers in
                for tree in samplers.indices {
                    guard let weight = samplers[tree].admission(sequence: sequence, uniform: admissions.nextUnit()) else { continue }
                    admitted[count] = (tree, weight)
                    count += 1
                }
            }
            guard count > 0 else { return }
            // Full samplers evict a point, which leaves its tree; the boxes above are
            // refreshed for all those trees together.
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { refreshes in
                var pending = 0
                for (tree, _) in admitted[..<count] where samplers[tree].isFull {
                    let removed = trees[tree].delete(leaf: samplers[tree].largest, nodes: &nodes)
                    store.release(removed.point)
                    refreshes[pending] = removed.refreshFrom
                    pending += removed.refreshFrom >= 0 ? 1 : 0
                }
                nodes.refreshBoxes(from: UnsafeMutableBufferPointer(rebasing: refreshes[..<pending]), width: Width.self, points: store)
            }
            let index = store.add(point)
            withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { chosen in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { leaves in
                    for slot in 0..<count { chosen[slot] = admitted[slot].tree }
                    trees.withUnsafeMutableBufferPointer { trees in
                        RandomCutTree.insert(index, into: trees, chosen: UnsafeBufferPointer(chosen), width: Width.self, nodes: &nodes,
                                             points: store, leaves: leaves.baseAddress!)
                    }
                    for slot in 0..<count { store.retain(nodes.leaves[Int(leaves[slot])].point) }
                    samplers.withUnsafeMutableBufferPointer { samplers in
                        for slot in 0..<count { samplers[admitted[slot].tree].keep(leaves[slot], weight: admitted[slot].weight) }
                    }
                }
            }
            store.discardIfUnused(index)
        }
    }

    /// The average anomaly score of a point over the trees (0 for an empty forest).
    public func score(_ point: [Double]) -> Double {
        guard !trees.isEmpty else { return 0 }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: trees.count) { scores in
            treeScores(point, into: scores, attribution: nil)
            var total = 0.0
            for tree in scores.indices { total += scores[tree] }
            return total / Double(trees.count)
        }
    }

    /// The score split over dimensions: `above[d]` from the point lying above the data
    /// along dimension `d`, `below[d]` from it lying below; all of them sum to ``score(_:)``.
    public func attribution(_ point: [Double]) -> (above: [Double], below: [Double]) {
        let dimensions = configuration.dimensions
        var sum = [Double](repeating: 0, count: 2 * dimensions)
        var parts = [Double](repeating: 0, count: 2 * dimensions * trees.count)
        parts.withUnsafeMutableBufferPointer { parts in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: trees.count) { scores in
                treeScores(point, into: scores, attribution: parts.baseAddress)
            }
        }
        for tree in trees.indices {
            for slot in sum.indices { sum[slot] += parts[tree * 2 * dimensions + slot] }
        }
        let count = Double(max(trees.count, 1))
        return ((0..<dimensions).map { sum[2 * $0] / count }, (0..<dimensions).map { sum[2 * $0 + 1] / count })
    }

    /// Every tree's score of `point`, and with `attribution` (2 · dimensions per tree) their split.
    private func treeScores(_ point: [Double], into scores: UnsafeMutableBufferPointer<Double>, attribution: UnsafeMutablePointer<Double>?) {
        precondition(point.count == configuration.dimensions, "a point of \(point.count) coordinates for a forest of \(configuration.dimensions)")
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * trees.count) { scratch in
            let roots = UnsafeMutableBufferPointer(rebasing: scratch[..<trees.count])
            let masses = UnsafeMutableBufferPointer(rebasing: scratch[trees.count...])
            for tree in trees.indices {
                roots[tree] = trees[tree].root
                masses[tree] = trees[tree].mass
            }
            point.withUnsafeBufferPointer { point in
                store.coordinates.withUnsafeBufferPointer { coordinates in
                    let point = point.baseAddress!, coordinates = coordinates.baseAddress ?? point
                    let roots = UnsafeBufferPointer(roots), masses = UnsafeBufferPointer(masses)
                    switch configuration.dimensions {
                    case 2: nodes.score(point, width: FixedWidth<2>.self, roots: roots, masses: masses, coordinates: coordinates,
                                        into: scores, attribution: attribution)
                    case 4: nodes.score(point, width: FixedWidth<4>.self, roots: roots, masses: masses, coordinates: coordinates,
                                        into: scores, attribution: attribution)
                    case 8: nodes.score(point, width: FixedWidth<8>.self, roots: roots, masses: masses, coordinates: coordinates,
                                        into: scores, attribution: attribution)
                    case 16: nodes.score(point, width: FixedWidth<16>.self, roots: roots, masses: masses, coordinates: coordinates,
                                         into: scores, attribution: attribution)
                    default: nodes.score(point, width: AnyWidth.self, roots: roots, masses: masses, coordinates: coordinates,
                                         into: scores, attribution: attribution)
                    }
                }
            }
        }
    }

    /// Checks the state as a saved one could have it wrong, reading nothing out of range:
    /// the configuration; every tree sound (``NodeStore/contents(ofTreeAt:points:claimedCuts:claimedLeaves:)``)
    /// and holding exactly what its sampler names, each leaf once per copy; the free lists;
    /// and each stored point referenced once per copy the trees keep.
    func validateState() throws(DetectorError) {
        try configuration.validate()
        guard trees.count == configuration.trees, samplers.count == configuration.trees else {
            throw DetectorError("\(trees.count) trees and \(samplers.count) samplers for \(configuration.trees)")
        }
        guard nodes.dimensions == configuration.dimensions, store.dimensions == configuration.dimensions, pointsSeen >= 0 else {
            throw DetectorError("nodes of \(nodes.dimensions) and points of \(store.dimensions) coordinates for \(configuration.dimensions)")
        }
        try store.checkShape()
        var claimedCuts = [Bool](repeating: false, count: nodes.cuts.count)
        var claimedLeaves = [Bool](repeating: false, count: nodes.leaves.count)
        var held = [Int32](repeating: 0, count: store.count)
        for (index, (tree, sampler)) in zip(trees, samplers).enumerated() {
            guard sampler.capacity == configuration.sampleSize else {
                throw DetectorError("tree \(index)'s sampler keeps \(sampler.capacity) points, not \(configuration.sampleSize)")
            }
            let contents = tree.root == RandomCutTree.empty
                ? NodeStore.TreeContents()
                : try nodes.contents(ofTreeAt: tree.root, points: store, claimedCuts: &claimedCuts, claimedLeaves: &claimedLeaves)
            guard contents.mass == Int(tree.mass), contents.mass == sampler.entries.count else {
                throw DetectorError("tree \(index) holds \(contents.mass) points, records \(tree.mass), its sampler names \(sampler.entries.count)")
            }
            var named: [Int32: Int] = [:]
            for entry in sampler.entries { named[entry, default: 0] += 1 }
            for leaf in contents.leaves {
                let kept = nodes.leaves[Int(leaf)]
                guard named[leaf] == Int(kept.mass) else { throw DetectorError("tree \(index)'s sampler does not name leaf \(leaf) once per copy") }
                held[Int(kept.point)] += kept.mass
            }
        }
        try nodes.checkFreeLists(claimedCuts: claimedCuts, claimedLeaves: claimedLeaves)
        try store.check(held: held)
    }

    /// Whether the state passes ``validateState()``. For tests.
    func isConsistent() -> Bool {
        do {
            try validateState()
            return true
        } catch {
            return false
        }
    }

    /// A raw score mapped into [0, 1): `raw / (raw + 1)`, so 0.5 for a typical point and
    /// 0.75 at 3; a raw score that is not finite maps to 1.
    public static func unitScore(_ raw: Double) -> Double {
        raw.isFinite ? raw / (raw + 1) : 1
    }

    /// Points the first tree holds (a measure of warm-up).
    public var sampled: Int { Int(trees.first?.mass ?? 0) }
}

extension RandomCutForest {
    private enum CodingKeys: String, CodingKey {
        case configuration, trees, samplers, nodes, store, admissions, pointsSeen
    }

    /// Decodes a saved forest, refusing one that ``validateState()`` finds unsound (a
    /// damaged or edited model) with a `DecodingError` instead of failing later.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        configuration = try container.decode(Configuration.self, forKey: .configuration)
        trees = try container.decode([RandomCutTree].self, forKey: .trees)
        samplers = try container.decode([StreamSampler].self, forKey: .samplers)
        nodes = try container.decode(NodeStore.self, forKey: .nodes)
        store = try container.decode(PointStore.self, forKey: .store)
        admissions = try container.decode(SeededGenerator.self, forKey: .admissions)
        pointsSeen = try container.decode(Int.self, forKey: .pointsSeen)
        do {
            try validateState()
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath,
                                                                    debugDescription: "an unsound random cut forest: \(error.message)"))
        }
    }
}
