import Foundation

extension NodeStore {
    /// A tree on its way down: the tree and the internal node reached.
    private struct Descent {
        var tree: Int32
        var node: Int32
    }

    /// Where a tree's walk down ended: the leaf reached and its depth.
    private struct Arrival {
        var leaf: Int32
        var depth: Int32
    }

    /// A tree on its way back up: the node reached, its level (the root's is 0) and the
    /// score so far.
    private struct Climb {
        var score: Double
        var tree: Int32
        var node: Int32
        var level: Int32
    }

    /// Every tree's anomaly score of a point, as AWS computes it, normalised by
    /// `log2(1 + mass)` (`masses`: the points each tree holds, counting copies) so that
    /// typical points score about 1 and anomalies more; with `attribution` (2 · dimensions
    /// slots per tree), each score split over dimensions and directions (above, below),
    /// summing to the score.
    ///
    /// The trees are walked together, one level of every tree at a time, so that the
    /// memory accesses of different trees overlap instead of waiting on each other. The
    /// walk down reads only cuts; boxes are read on the way back up, where the chance that
    /// a random cut would have separated the point is needed, and only up to the first
    /// box that holds the point (every box above it holds it too, so the score passes
    /// through unchanged).
    func score<Width: PointWidth>(_ point: UnsafePointer<Double>, width: Width.Type, roots: UnsafeBufferPointer<Int32>,
                                  masses: UnsafeBufferPointer<Int32>, coordinates: UnsafePointer<Double>,
                                  into scores: UnsafeMutableBufferPointer<Double>, attribution: UnsafeMutablePointer<Double>? = nil) {
        let trees = roots.count
        let dimensions = Width.dimensions(dimensions)
        cuts.withUnsafeBufferPointer { cuts in
            boxStorage.withUnsafeBufferPointer { storage in
                leaves.withUnsafeBufferPointer { leaves in
                    withUnsafeTemporaryAllocation(of: Arrival.self, capacity: trees) { arrivals in
                        withUnsafeTemporaryAllocation(of: Climb.self, capacity: trees) { climbing in
                            let deepest = withUnsafeTemporaryAllocation(of: Descent.self, capacity: trees) { walking in
                                Self.walkDown(point, roots: roots, cuts: cuts, walking: walking.baseAddress!, arrivals: arrivals.baseAddress!)
                            }
                            // The points of the leaves reached and the boxes above them, requested for
                            // all the trees before any is needed (each lies behind its leaf, a second
                            // wait otherwise; a root leaf's parent is none, and box 0 is asked for).
                            for tree in 0..<trees where roots[tree] != RandomCutTree.empty {
                                let leaf = leaves[Int(~arrivals[tree].leaf)]
                                prefetch(coordinates + Int(leaf.point) &* dimensions)
                                prefetchBox(storage.baseAddress! + boxStart + Int(max(leaf.parent, 0)) &* (2 &* dimensions), dimensions: dimensions)
                            }
                            // 1 / (level + 1) for every level reached, computed once.
                            withUnsafeTemporaryAllocation(of: Double.self, capacity: Int(deepest) + 1) { reciprocals in
                                for level in reciprocals.indices { reciprocals[level] = 1 / (Double(level) + 1) }
                                var count = 0
                                for tree in 0..<trees {
                                    let share = attribution.map { $0 + tree * 2 * dimensions }
                                    guard roots[tree] != RandomCutTree.empty else {
                                        scores[tree] = 0
                                        if let share { for slot in 0..<(2 * dimensions) { share[slot] = 0 } }
                                        continue
                                    }
                                    let arrival = arrivals[tree]
                                    let leaf = leaves[Int(~arrival.leaf)]
                                    let held = coordinates + Int(leaf.point) &* dimensions
                                    let distance = BoxArithmetic<Width>.distance(point, held, dimensions: dimensions)
                                    if distance == 0 {
                                        let leafMass = Double(leaf.mass)
                                        let treeMass = Double(masses[tree])
                                        scores[tree] = (1 - leafMass / (2 * treeMass)) / (Double(arrival.depth) + log2(leafMass + 1))
                                        if let share {
                                            // A point the tree holds: nothing points anywhere, so split evenly.
                                            for slot in 0..<(2 * dimensions) { share[slot] = scores[tree] / Double(2 * dimensions) }
                                        }
                                    } else {
                                        scores[tree] = reciprocals[Int(arrival.depth)]
                                        if let share {
                                            for d in 0..<dimensions {
                                                let gap = point[d] - held[d]
                                                share[2 * d] = gap > 0 ? scores[tree] * gap / distance : 0
                                                share[2 * d + 1] = gap < 0 ? scores[tree] * -gap / distance : 0
                                            }
                                        }
                                    }
                                    climbing[count] = Climb(score: scores[tree], tree: Int32(tree), node: leaf.parent, level: arrival.depth &- 1)
                                    count &+= leaf.parent >= 0 ? 1 : 0
                                }
                                guard count > 0 else { return }
                                Self.climbUp(point, width: Width.self, dimensions: dimensions, climbing: climbing.baseAddress!, count: count,
                                             cuts: cuts.baseAddress!, boxes: storage.baseAddress! + boxStart, reciprocals: reciprocals.baseAddress!,
                                             scores: scores.baseAddress!, attribution: attribution)
                            }
                        }
                    }
                }
            }
        }
        var normaliser = (mass: Int32(-1), factor: 0.0)
        for tree in 0..<trees where roots[tree] != RandomCutTree.empty {
            // The trees mostly hold the same number of points.
            if masses[tree] != normaliser.mass { normaliser = (masses[tree], log2(1 + Double(masses[tree]))) }
            scores[tree] *= normaliser.factor
            if let attribution {
                for slot in 0..<(2 * dimensions) { attribution[tree * 2 * dimensions + slot] *= normaliser.factor }
            }
        }
    }

    /// Walks every non-empty tree down to the leaf the point falls in, all trees one level at
    /// a time; records each tree's leaf and depth (a root leaf at depth 0) and returns the
    /// largest depth.
    @inline(never)
    private static func walkDown(_ point: UnsafePointer<Double>, roots: UnsafeBufferPointer<Int32>, cuts: UnsafeBufferPointer<Cut>,
                                 walking: UnsafeMutablePointer<Descent>, arrivals: UnsafeMutablePointer<Arrival>) -> Int32 {
        var count = 0
        for tree in roots.indices {
            let root = roots[tree]
            arrivals[tree] = Arrival(leaf: root, depth: 0)
            walking[count] = Descent(tree: Int32(tree), node: root)
            count &+= root >= 0 && root != RandomCutTree.empty ? 1 : 0
        }
        guard count > 0, let cuts = cuts.baseAddress else { return 0 }
        var depth: Int32 = 0
        while count > 0 {
            depth &+= 1
            var kept = 0, slot = 0
            while slot < count {
                let step = walking[slot]
                let node = cuts[Int(step.node)]
                let next = point[Int(node.dimension)] <= node.value ? node.left : node.right
                arrivals[Int(step.tree)] = Arrival(leaf: next, depth: depth)
                walking[kept] = Descent(tree: step.tree, node: next)
                // 1 for an internal node (`next >= 0`), from its sign bit: no branch to mispredict.
                kept &+= Int(UInt32(bitPattern: ~next) >> 31)
                slot &+= 1
            }
            count = kept
        }
        return depth
    }

    /// Climbs the `count` trees of `climbing` back up, all one level at a time, while the
    /// point lies outside the boxes, mixing in at each level the chance that a random cut
    /// of the box grown by the point would have separated it there.
    @inline(never)
    private static func climbUp<Width: PointWidth>(_ point: UnsafePointer<Double>, width: Width.Type, dimensions: Int,
                                                   climbing: UnsafeMutablePointer<Climb>, count: Int, cuts: UnsafePointer<Cut>,
                                                   boxes: UnsafePointer<Double>, reciprocals: UnsafePointer<Double>,
                                                   scores: UnsafeMutablePointer<Double>, attribution: UnsafeMutablePointer<Double>?) {
        let dimensions = Width.dimensions(dimensions)
        // Each level in two passes: the distances outside every box first, then the scores.
        // Each pass's work per tree is short, so the processor overlaps more trees' long
        // chains of additions, loads and divisions.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { allGaps in
            var count = count
            while count > 0 {
                for slot in 0..<count {
                    let box = boxes + Int(climbing[slot].node) &* (2 &* dimensions)
                    allGaps[slot] = BoxArithmetic<Width>.gaps(low: box, high: box + dimensions, point: point, dimensions: dimensions)
                }
                var kept = 0
                for slot in 0..<count {
                    let gaps = allGaps[slot]
                    guard gaps > 0 else { continue }
                    var climb = climbing[slot]
                    let node = cuts[Int(climb.node)]
                    let range = node.range
                    let probability = gaps / (range + gaps)
                    let unseen = reciprocals[Int(climb.level)]
                    climb.score = probability * unseen + (1 - probability) * climb.score
                    scores[Int(climb.tree)] = climb.score
                    if let attribution {
                        let box = boxes + Int(climb.node) &* (2 &* dimensions)
                        let share = attribution + Int(climb.tree) * 2 * dimensions
                        for d in 0..<dimensions {
                            let above = max(0, point[d] - box[dimensions + d]) / (range + gaps)
                            let below = max(0, box[d] - point[d]) / (range + gaps)
                            share[2 * d] = above * unseen + (1 - probability) * share[2 * d]
                            share[2 * d + 1] = below * unseen + (1 - probability) * share[2 * d + 1]
                        }
                    }
                    climb.node = node.parent
                    climb.level &-= 1
                    climbing[kept] = climb
                    // The next level's box, needed after the other trees' turns (node 0's, harmlessly,
                    // for a tree that left its root: no branch).
                    prefetchBox(boxes + Int(max(climb.node, 0)) &* (2 &* dimensions), dimensions: dimensions)
                    kept &+= climb.node >= 0 ? 1 : 0
                }
                count = kept
            }
        }
    }
}
