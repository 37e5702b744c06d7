import Foundation

extension NodeStore {
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
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4 * trees) { scratch in
            // Per tree: the leaf reached and its depth; the trees still walking down, each as
            // the pair (tree, node).
            let reached = scratch.baseAddress!, depths = reached + trees, walking = depths + trees
            withUnsafeTemporaryAllocation(of: Climb.self, capacity: trees) { climbing in
                cuts.withUnsafeBufferPointer { cuts in
                    boxes.withUnsafeBufferPointer { boxes in
                        leaves.withUnsafeBufferPointer { leaves in
                            var count = 0
                            for tree in 0..<trees {
                                reached[tree] = roots[tree]
                                depths[tree] = 0
                                walking[2 &* count] = Int32(tree)
                                walking[2 &* count &+ 1] = roots[tree]
                                count &+= roots[tree] >= 0 && roots[tree] != RandomCutTree.empty ? 1 : 0
                            }
                            // Down to the leaves.
                            var depth: Int32 = 0
                            while count > 0 {
                                depth &+= 1
                                var kept = 0
                                for slot in 0..<count {
                                    let tree = walking[2 &* slot]
                                    let node = cuts[Int(walking[2 &* slot &+ 1])]
                                    let next = point[Int(node.dimension)] <= node.value ? node.left : node.right
                                    reached[Int(tree)] = next
                                    depths[Int(tree)] = depth
                                    walking[2 &* kept] = tree
                                    walking[2 &* kept &+ 1] = next
                                    kept &+= next >= 0 ? 1 : 0
                                }
                                count = kept
                            }
                            // The leaves' scores.
                            for tree in 0..<trees {
                                let share = attribution.map { $0 + tree * 2 * dimensions }
                                guard roots[tree] != RandomCutTree.empty else {
                                    scores[tree] = 0
                                    if let share { for slot in 0..<(2 * dimensions) { share[slot] = 0 } }
                                    continue
                                }
                                let leaf = leaves[Int(~reached[tree])]
                                let held = coordinates + Int(leaf.point) &* dimensions
                                let depth = Double(depths[tree])
                                let distance = BoxArithmetic<Width>.distance(point, held, dimensions: dimensions)
                                if distance == 0 {
                                    let leafMass = Double(leaf.mass)
                                    let treeMass = Double(masses[tree])
                                    scores[tree] = (1 - leafMass / (2 * treeMass)) / (depth + log2(leafMass + 1))
                                    if let share {
                                        // A point the tree holds: nothing points anywhere, so split evenly.
                                        for slot in 0..<(2 * dimensions) { share[slot] = scores[tree] / Double(2 * dimensions) }
                                    }
                                } else {
                                    scores[tree] = 1 / (depth + 1)
                                    if let share {
                                        for d in 0..<dimensions {
                                            let gap = point[d] - held[d]
                                            share[2 * d] = gap > 0 ? scores[tree] * gap / distance : 0
                                            share[2 * d + 1] = gap < 0 ? scores[tree] * -gap / distance : 0
                                        }
                                    }
                                }
                                climbing[count] = Climb(score: scores[tree], tree: Int32(tree), node: leaf.parent, level: depths[tree] &- 1)
                                count &+= leaf.parent >= 0 ? 1 : 0
                            }
                            // Back up while the point lies outside the boxes.
                            while count > 0 {
                                var kept = 0
                                for slot in 0..<count {
                                    var climb = climbing[slot]
                                    let box = boxes.baseAddress! + Int(climb.node) &* (2 &* dimensions)
                                    let (range, gaps) = BoxArithmetic<Width>.rangeAndGaps(low: box, high: box + dimensions, point: point,
                                                                                    dimensions: dimensions)
                                    guard gaps > 0 else { continue }
                                    let probability = gaps / (range + gaps)
                                    let unseen = 1 / (Double(climb.level) + 1)
                                    climb.score = probability * unseen + (1 - probability) * climb.score
                                    scores[Int(climb.tree)] = climb.score
                                    if let attribution {
                                        let share = attribution + Int(climb.tree) * 2 * dimensions
                                        for d in 0..<dimensions {
                                            let above = max(0, point[d] - box[dimensions + d]) / (range + gaps)
                                            let below = max(0, box[d] - point[d]) / (range + gaps)
                                            share[2 * d] = above * unseen + (1 - probability) * share[2 * d]
                                            share[2 * d + 1] = below * unseen + (1 - probability) * share[2 * d + 1]
                                        }
                                    }
                                    climb.node = cuts[Int(climb.node)].parent
                                    climb.level &-= 1
                                    climbing[kept] = climb
                                    kept &+= climb.node >= 0 ? 1 : 0
                                }
                                count = kept
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
                    }
                }
            }
        }
    }
}
