import Dispatch
import Foundation
import TocsinCore

/// A fitted isolation forest (Liu, Ting and Zhou 2008).
///
/// Each tree is grown on a random subsample of `sampleSize` rows drawn without
/// replacement, with height limit `ceil(log2(sampleSize))`. A row's score is
/// `2^(-E[h(x)] / c(sampleSize))`, where `h` is the path length (depth plus the
/// `c(n)` adjustment at the leaf): about 0.5 for ordinary rows, near 1 for rows that
/// are isolated quickly. All trees live in one flat node array for fast scoring;
/// fitting and scoring use every core and give identical results whatever their number.
public struct IsolationForest: Sendable, Hashable {
    /// Number of features a row must have.
    public let featureCount: Int
    /// The subsample size the trees were grown on (at most the number of training rows).
    public let sampleSize: Int
    /// Every tree's nodes, one tree after another.
    public let nodes: [IsolationNode]
    /// The index of each tree's root in ``nodes``.
    public let roots: [Int32]
    /// The same trees laid out for branch-free batch scoring.
    private let traversal: FlatTraversal

    /// Fits `trees` trees on `data`, each on `min(sampleSize, data.rows)` rows.
    public static func fit(_ data: Matrix, trees: Int = 100, sampleSize: Int = 256, seed: UInt64 = 0) throws(DetectorError) -> IsolationForest {
        guard trees >= 1 else { throw DetectorError("an isolation forest needs at least 1 tree, got \(trees)") }
        guard sampleSize >= 2 else { throw DetectorError("sample size must be at least 2, got \(sampleSize)") }
        guard data.rows >= 2 else { throw DetectorError("an isolation forest needs at least 2 training rows, got \(data.rows)") }
        guard data.columns >= 1 else { throw DetectorError("training data has no feature columns") }
        if let bad = data.storage.firstIndex(where: { !$0.isFinite }) {
            throw DetectorError("training row \(bad / data.columns + 1), column \(bad % data.columns + 1) is not a finite number")
        }
        let psi = min(sampleSize, data.rows)
        let builder = IsolationTreeBuilder(data: data, heightLimit: Int(ceil(log2(Double(max(psi, 2))))))
        let grown = ConcurrentMap.map(count: trees) { tree -> [IsolationNode] in
            var generator = SeededGenerator(seed: treeSeed(seed, tree))
            let sample = drawSample(of: psi, from: data.rows, generator: &generator)
            return builder.grow(sample: sample, generator: &generator)
        }
        var nodes: [IsolationNode] = []
        nodes.reserveCapacity(grown.reduce(0) { $0 + $1.count })
        var roots: [Int32] = []
        for tree in grown {
            let offset = Int32(nodes.count)
            roots.append(offset)
            nodes.append(contentsOf: tree.map { node in
                node.isLeaf ? node : IsolationNode(feature: node.feature, left: node.left + offset, value: node.value)
            })
        }
        return IsolationForest(featureCount: data.columns, sampleSize: psi, nodes: nodes, roots: roots)
    }

    /// Creates a forest from its parts (used when decoding, which validates every index).
    public init(featureCount: Int, sampleSize: Int, nodes: [IsolationNode], roots: [Int32]) {
        self.featureCount = featureCount
        self.sampleSize = sampleSize
        self.nodes = nodes
        self.roots = roots
        traversal = FlatTraversal(nodes: nodes, roots: roots)
    }

    /// Scores one row; `row.count` must equal ``featureCount``.
    public func score(_ row: [Double]) -> Double {
        row.withUnsafeBufferPointer { values in
            nodes.withUnsafeBufferPointer { tree in
                var total = 0.0
                for root in roots { total += pathLength(values.baseAddress!, tree, root) }
                return normalise(total)
            }
        }
    }

    /// Scores every row of `data` (which must have ``featureCount`` columns), in parallel.
    public func score(_ data: Matrix) -> [Double] {
        let chunk = 2048
        let chunks = (data.rows + chunk - 1) / chunk
        let parts = ConcurrentMap.map(count: chunks) { index -> [Double] in
            let start = index * chunk
            let end = min(start + chunk, data.rows)
            var totals = [Double](repeating: 0, count: end - start)
            data.storage.withUnsafeBufferPointer { cells in
                totals.withUnsafeMutableBufferPointer { sums in
                    for root in roots {
                        traversal.accumulate(root: root, rows: cells.baseAddress! + start * featureCount,
                                             count: end - start, width: featureCount, into: sums.baseAddress!)
                    }
                }
            }
            return totals.map(normalise)
        }
        return Array(parts.joined())
    }

    @inline(__always)
    private func pathLength(_ row: UnsafePointer<Double>, _ tree: UnsafeBufferPointer<IsolationNode>, _ root: Int32) -> Double {
        var node = tree[Int(root)]
        while !node.isLeaf {
            node = tree[Int(node.left) + (row[Int(node.feature)] <= node.value ? 0 : 1)]
        }
        return node.value
    }

    @inline(__always)
    private func normalise(_ totalPathLength: Double) -> Double {
        let mean = totalPathLength / Double(roots.count)
        return exp2(-mean / averagePathLength(sampleSize))
    }

    /// Distinct row indices, sorted, drawn uniformly without replacement (Floyd's algorithm).
    private static func drawSample(of size: Int, from count: Int, generator: inout SeededGenerator) -> [Int] {
        if size >= count { return Array(0..<count) }
        var chosen = Set<Int>(minimumCapacity: size)
        for upper in (count - size)..<count {
            let candidate = Int(generator.next(upperBound: UInt64(upper + 1)))
            chosen.insert(chosen.contains(candidate) ? upper : candidate)
        }
        return chosen.sorted()
    }

    private static func treeSeed(_ seed: UInt64, _ tree: Int) -> UInt64 {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(tree) &* 0x9E37_79B9_7F4A_7C15))
        return mixer.next()
    }
}
